using System.Collections.Concurrent;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Media;

namespace SadTalker.Web.Tests.Generation;

/// <summary>
/// A real engine for tests: Studio Lite's frames, plus reference-video support. Before rendering it ffprobes each
/// reference video it was given (so a missing or unreadable file fails the job), records what it found and reports
/// one job-log <see cref="EngineProgress.Notice"/> per render.
/// </summary>
public sealed class ReferenceProbeEngine(StudioLiteEngine inner) : ITalkingHeadEngine, IDisposable
{
    public const string EngineId = "reference-probe";

    /// <summary>What each render saw: the reference files' names in the job folder and their probed durations.</summary>
    public ConcurrentQueue<(string? Eyeblink, double? EyeblinkSeconds, string? Pose, double? PoseSeconds)> Renders { get; } = new();

    public string Id => EngineId;

    public string DisplayName => "Reference probe";

    public string Version => "test-1";

    public EngineCapabilities Capabilities { get; } = inner.Capabilities with { ReferenceVideos = true };

    public EngineAvailability CheckAvailability() => inner.CheckAvailability();

    public async Task RenderAsync(EngineRequest request, IFrameSink sink, IProgress<EngineProgress>? progress, CancellationToken cancellationToken)
    {
        var options = request.Options;
        var eyeblink = await SecondsAsync(options.RefEyeblinkPath, cancellationToken);
        var pose = await SecondsAsync(options.RefPosePath, cancellationToken);
        Renders.Enqueue((FileName(options.RefEyeblinkPath), eyeblink, FileName(options.RefPosePath), pose));
        progress?.Report(new EngineProgress(Capabilities.Stages[0], 0, Capabilities.Stages.Count, 0)
        {
            Notice = $"Probe engine: eye-blink reference {Describe(eyeblink)}, pose reference {Describe(pose)}.",
        });
        await inner.RenderAsync(request with { Options = options with { RefEyeblinkPath = null, RefPosePath = null } }, sink, progress, cancellationToken);
    }

    public void Dispose() => inner.Dispose();

    private static async Task<double?> SecondsAsync(string? path, CancellationToken ct) =>
        path is null ? null : (await MediaProbe.ProbeAsync(path, ct)).Duration?.TotalSeconds ?? throw new InvalidOperationException($"{path}: no duration");

    private static string? FileName(string? path) => path is null ? null : Path.GetFileName(path);

    private static string Describe(double? seconds) => seconds is { } s ? $"{s:0.0} s" : "none";
}
