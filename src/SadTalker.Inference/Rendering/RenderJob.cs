using SadTalker.Inference.Engines;

namespace SadTalker.Inference.Rendering;

/// <summary>One render through <see cref="RenderPipeline"/>.</summary>
/// <param name="Request">What the engine renders.</param>
/// <param name="OutputPath">Target .mp4; written only when the render succeeds. Its folder must exist.</param>
public sealed record RenderJob(EngineRequest Request, string OutputPath)
{
    /// <summary>Per-frame filters between the engine and the encoder (watermarks), applied in order.</summary>
    public IReadOnlyList<IFrameFilter> Filters { get; init; } = [];
}
