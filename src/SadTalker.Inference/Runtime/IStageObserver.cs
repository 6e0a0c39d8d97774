namespace SadTalker.Inference.Runtime;

/// <summary>
/// Sees the shape of every tensor that crosses a stage boundary of a render: each model's inputs and outputs, and the
/// arrays an engine hands from one step to the next. Diagnostics only (the CLI's <c>--trace-shapes</c>, tests);
/// engines call it only when one is configured, so it costs nothing otherwise.
/// </summary>
public interface IStageObserver
{
    /// <param name="stage">The model id (<c>expnet</c>, <c>generator-256</c> …) or the engine step (<c>source</c>, <c>motion</c> …).</param>
    /// <param name="tensor">Which tensor, e.g. <c>in:mel</c>, <c>out:exp</c>, <c>coeff_3dmm</c>.</param>
    /// <param name="shape">Its dimensions, batch or time first.</param>
    void Observe(string stage, string tensor, ReadOnlySpan<long> shape);

    /// <summary>
    /// The values of a small hand-off between steps: a face box, the blink ratios, one PoseVAE chunk's noise, the
    /// coefficients. Lets a test run a reference implementation on exactly the inputs the engine drew or detected
    /// (the end-to-end parity test, docs/model-export.md). Ignored unless an observer overrides it.
    /// </summary>
    void Record(string stage, string name, ReadOnlySpan<float> values)
    {
    }
}
