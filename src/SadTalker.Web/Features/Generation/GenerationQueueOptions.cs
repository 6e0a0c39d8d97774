using System.ComponentModel.DataAnnotations;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// The job worker, bound from the <c>Generation</c> section. Not named GenerationOptions: that is the engine's
/// per-render option record in SadTalker.Inference.
/// </summary>
public sealed class GenerationQueueOptions
{
    public const string Section = "Generation";

    /// <summary>Jobs rendered at the same time on this device (one ONNX device; default 1).</summary>
    [Range(1, 16, ErrorMessage = "Generation:Concurrency must be between 1 and 16.")]
    public int Concurrency { get; set; } = 1;

    /// <summary>How often the worker looks for queued jobs when nothing woke it (seconds).</summary>
    [Range(0.1, 60, ErrorMessage = "Generation:PollSeconds must be between 0.1 and 60.")]
    public double PollSeconds { get; set; } = 2;
}
