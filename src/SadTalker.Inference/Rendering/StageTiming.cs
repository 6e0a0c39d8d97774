namespace SadTalker.Inference.Rendering;

/// <summary>Wall-clock time spent in one stage of a render.</summary>
/// <param name="Name">Stage name as reported in progress.</param>
/// <param name="Elapsed">Time from the stage's first report to the next stage's (or the end).</param>
public sealed record StageTiming(string Name, TimeSpan Elapsed);
