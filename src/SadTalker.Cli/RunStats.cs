namespace SadTalker.Cli;

/// <summary>What one `generate --stats` run prints as a JSON line for `bench`.</summary>
internal sealed record RunStats(
    long Frames,
    int Width,
    int Height,
    double TotalSeconds,
    double FramesPerSecond,
    IReadOnlyList<StageSeconds> Stages,
    double ProcessSeconds,
    long? PeakRssBytes,
    long? FfmpegPeakRssBytes,
    long AllocatedBytes,
    long ManagedCommittedBytes,
    int Gen0Collections);
