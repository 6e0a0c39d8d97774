using SadTalker.Inference.Engines;

namespace SadTalker.Inference.Rendering;

/// <summary>
/// Runs an engine into the filters and the H.264/AAC encoder, streaming: frames are never collected, so memory
/// stays flat in the audio length. Reports progress with an ETA and returns per-stage timings.
/// </summary>
/// <remarks>
/// The MP4 appears at the output path only when everything succeeded; on a refusal, a failure or cancellation
/// ffmpeg is killed and its temporary file removed, and an existing file at the path is left as it was.
/// One pipeline can run many jobs, also concurrently (each run has its own sink and tracker).
/// </remarks>
public sealed class RenderPipeline
{
    private readonly ITalkingHeadEngine _engine;
    private readonly RenderPipelineOptions _options;

    public RenderPipeline(ITalkingHeadEngine engine, RenderPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _options = options ?? new RenderPipelineOptions();
    }

    /// <summary>Renders <paramref name="job"/> to its output path.</summary>
    /// <exception cref="EngineInputException">The engine refused the inputs (no face, audio under one frame, bad options).</exception>
    /// <exception cref="DirectoryNotFoundException">The output folder does not exist.</exception>
    /// <exception cref="Imaging.MediaToolException">ffmpeg failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public async Task<RenderReport> RunAsync(RenderJob job, IProgress<EngineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(job.OutputPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(job.OutputPath))!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Output folder does not exist: {folder}");
        }

        var tracker = new ProgressTracker(progress, _options);
        var sink = new EncoderSink(job, _options, tracker);
        await using (sink.ConfigureAwait(false))
        {
            await _engine.RenderAsync(job.Request, sink, tracker, cancellationToken).ConfigureAwait(false);
            tracker.BeginFinish();
            var result = await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
            var stages = tracker.Complete(out var total);
            return new RenderReport(
                result.Path, sink.Width, sink.Height, result.FrameCount, result.Duration, result.SizeBytes, stages, total);
        }
    }
}
