namespace SadTalker.Inference.Engines;

/// <summary>One progress report of a render.</summary>
/// <param name="Stage">Stage name, one of <see cref="EngineCapabilities.Stages"/> (the pipeline adds its own last stage).</param>
/// <param name="StageIndex">0-based index of <paramref name="Stage"/>.</param>
/// <param name="StageCount">Number of stages.</param>
/// <param name="Percent">Overall progress, 0..100, never decreasing within one render.</param>
public sealed record EngineProgress(string Stage, int StageIndex, int StageCount, double Percent)
{
    /// <summary>Frames written so far (0 before the frame stage).</summary>
    public long FramesDone { get; init; }

    /// <summary>Frames the render will produce; 0 until known.</summary>
    public long FramesTotal { get; init; }

    /// <summary>Estimated time left, filled in by the render pipeline once frames flow; null when unknown.</summary>
    public TimeSpan? Eta { get; init; }

    /// <summary>A small snapshot of the latest frame, at most every ~2 s; null in most reports.</summary>
    public PreviewFrame? Preview { get; init; }

    /// <summary>
    /// A line for the job log, for example a fallback the engine took ("Face enhancer: … no face found on 3 of 250
    /// frames, so earlier points … were reused"); null in most reports. Each notice is reported once.
    /// </summary>
    public string? Notice { get; init; }

    /// <summary>A time the engine measured for work nested in a stage (reported once, at its end); null in most reports.</summary>
    public EngineTiming? Timing { get; init; }
}
