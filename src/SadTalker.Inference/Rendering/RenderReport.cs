namespace SadTalker.Inference.Rendering;

/// <summary>What a finished render produced and how long each stage took.</summary>
/// <param name="OutputPath">Full path of the MP4.</param>
/// <param name="Width">Frame width.</param>
/// <param name="Height">Frame height.</param>
/// <param name="FrameCount">Frames encoded.</param>
/// <param name="Duration">Video duration (FrameCount / 25 s).</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="Stages">Per-stage wall-clock times, in order; encoding overlaps the frame stage. Then any time the engine measured inside a stage (<see cref="Engines.EngineTiming"/>, e.g. the face enhancer).</param>
/// <param name="Total">Wall-clock time of the whole render.</param>
public sealed record RenderReport(
    string OutputPath, int Width, int Height, long FrameCount, TimeSpan Duration, long SizeBytes,
    IReadOnlyList<StageTiming> Stages, TimeSpan Total)
{
    /// <summary>Frames per second end to end (all stages).</summary>
    public double FramesPerSecond => Total > TimeSpan.Zero ? FrameCount / Total.TotalSeconds : 0;
}
