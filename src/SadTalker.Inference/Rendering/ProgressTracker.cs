using System.Diagnostics;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Rendering;

/// <summary>
/// Sits between an engine's progress and the caller's: times each stage, adds the pipeline's final stage, an ETA
/// and, every <see cref="RenderPipelineOptions.PreviewInterval"/>, a small preview of the latest frame.
/// </summary>
/// <remarks>Engine stages take 0–97 % of the bar and finishing the video the rest. Thread-safe.</remarks>
internal sealed class ProgressTracker(IProgress<EngineProgress>? target, RenderPipelineOptions options) : IProgress<EngineProgress>
{
    /// <summary>The pipeline's own last stage: ffmpeg flushes, muxes the audio and moves the index to the front.</summary>
    public const string FinishStage = "Finishing video";

    private const double EngineShare = 97;

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<StageTiming> _stages = [];
    private readonly List<StageTiming> _nested = [];
    private string? _stage;
    private TimeSpan _stageStart;
    private TimeSpan? _framesStart;
    private TimeSpan _lastPreview = TimeSpan.MinValue;
    private EngineProgress _last = new("Starting", 0, 1, 0);

    public void Report(EngineProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EngineProgress forwarded;
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (value.Stage != _stage)
            {
                StartStage(value.Stage, now);
            }

            if (value.Timing is { } timing)
            {
                _nested.Add(new StageTiming(timing.Name, timing.Elapsed));
            }

            if (value.FramesTotal > 0 && _framesStart is null)
            {
                _framesStart = now;
            }

            forwarded = value with
            {
                StageCount = value.StageCount + 1,
                Percent = Math.Max(_last.Percent, Math.Clamp(value.Percent, 0, 100) * EngineShare / 100),
                Eta = Eta(value, now),
            };
            // Notices and timings are one-off: the copies made from _last (previews, finishing) must not repeat them.
            _last = forwarded with { Preview = null, Notice = null, Timing = null };
        }

        target?.Report(forwarded);
    }

    /// <summary>Called with every frame written; turns one into a preview when the interval has passed.</summary>
    public void OnFrame(ReadOnlySpan<byte> rgb24, int width, int height, long framesDone)
    {
        if (target is null || options.PreviewSize <= 0)
        {
            return;
        }

        EngineProgress report;
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (_lastPreview != TimeSpan.MinValue && now - _lastPreview < options.PreviewInterval)
            {
                return;
            }

            _lastPreview = now;
            var scale = (double)options.PreviewSize / Math.Max(width, height);
            int w = Math.Max(1, (int)Math.Round(width * scale)), h = Math.Max(1, (int)Math.Round(height * scale));
            var pixels = new byte[w * h * RgbImage.Channels];
            ImageResize.Bilinear(rgb24, width, height, pixels, w, h);
            report = _last with { FramesDone = framesDone, Preview = new PreviewFrame(w, h, pixels) };
        }

        target.Report(report);
    }

    /// <summary>Marks the start of <see cref="FinishStage"/>.</summary>
    public void BeginFinish()
    {
        EngineProgress report;
        lock (_lock)
        {
            StartStage(FinishStage, _clock.Elapsed);
            report = _last = _last with { Stage = FinishStage, StageIndex = _last.StageCount - 1, Percent = EngineShare, Eta = null };
        }

        target?.Report(report);
    }

    /// <summary>Closes the last stage, reports 100 % and returns the stage timings, then the engine's nested timings.</summary>
    public IReadOnlyList<StageTiming> Complete(out TimeSpan total)
    {
        EngineProgress report;
        lock (_lock)
        {
            total = _clock.Elapsed;
            StartStage(null, total);
            report = _last = _last with { Percent = 100, Eta = TimeSpan.Zero };
        }

        target?.Report(report);
        return [.. _stages, .. _nested];
    }

    private void StartStage(string? name, TimeSpan now)
    {
        if (_stage is not null)
        {
            _stages.Add(new StageTiming(_stage, now - _stageStart));
        }

        (_stage, _stageStart) = (name, now);
    }

    /// <summary>Remaining frames at the rate seen since frames started flowing, once a few are done.</summary>
    private TimeSpan? Eta(EngineProgress value, TimeSpan now)
    {
        if (_framesStart is not { } start || value.FramesDone <= 0 || value.FramesTotal <= 0)
        {
            return null;
        }

        var perFrame = (now - start).TotalSeconds / value.FramesDone;
        return TimeSpan.FromSeconds(perFrame * (value.FramesTotal - value.FramesDone));
    }
}
