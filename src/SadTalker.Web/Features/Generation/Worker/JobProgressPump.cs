using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Engines;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>
/// Receives a render's progress on the render thread and, on one background task so messages stay in order,
/// publishes <c>jobProgress</c> (at most every 200 ms), turns previews into JPEG <c>jobPreview</c> messages, and saves
/// stage and percent to the job row at most once a second so a reloaded page shows where the job is. Every
/// <see cref="EngineProgress.Notice"/> goes to the <see cref="JobLog"/>, never throttled away.
/// </summary>
internal sealed class JobProgressPump : IProgress<EngineProgress>, IAsyncDisposable
{
    private static readonly TimeSpan PublishInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<EngineProgress> _channel = Channel.CreateUnbounded<EngineProgress>(new() { SingleReader = true });
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Guid _jobId, _teamId;
    private readonly JobNotifier _notifier;
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly JobLog _log;
    private readonly ILogger _logger;
    private readonly Task _pump;
    private TimeSpan _lastPublish = TimeSpan.MinValue;
    private string? _lastStage;

    public JobProgressPump(Guid jobId, Guid teamId, JobNotifier notifier, IDbContextFactory<AppDbContext> dbFactory, JobLog log, ILogger logger)
    {
        (_jobId, _teamId, _notifier, _dbFactory, _log, _logger) = (jobId, teamId, notifier, dbFactory, log, logger);
        _pump = Task.Run(PumpAsync);
    }

    public void Report(EngineProgress value)
    {
        var now = _clock.Elapsed;
        if (value.Preview is null && value.Notice is null && value.Stage == _lastStage && now - _lastPublish < PublishInterval && value.Percent < 100)
        {
            return;
        }

        (_lastStage, _lastPublish) = (value.Stage, now);
        _channel.Writer.TryWrite(value);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        TimeSpan? lastSave = null; // not TimeSpan.MinValue: Elapsed - MinValue overflows, which dropped every save
        EngineProgress? unsaved = null;
        await foreach (var p in _channel.Reader.ReadAllAsync())
        {
            try
            {
                if (p.Notice is { } notice)
                {
                    await _log.AppendAsync(_jobId, notice);
                }

                await _notifier.PublishAsync(new JobProgressMessage(
                    _jobId, _teamId, nameof(GenerationJobState.Running), p.Stage, p.FramesDone, p.FramesTotal, Math.Round(p.Percent, 1), p.Eta?.TotalSeconds));
                if (p.Preview is { } preview)
                {
                    var jpeg = await JobImages.PreviewJpegAsync(preview, CancellationToken.None);
                    await _notifier.PublishAsync(new JobPreviewMessage(_jobId, _teamId, Convert.ToBase64String(jpeg)));
                }

                unsaved = p;
                if (lastSave is null || _clock.Elapsed - lastSave.Value >= SaveInterval)
                {
                    await SaveAsync(p);
                    (lastSave, unsaved) = (_clock.Elapsed, null);
                }
            }
            catch (Exception ex)
            {
                // Progress is best effort: a failed preview or save must not fail the render.
                _logger.LogWarning(ex, "Progress of job {JobId} not delivered.", _jobId);
            }
        }

        if (unsaved is not null)
        {
            try
            {
                await SaveAsync(unsaved);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Last progress of job {JobId} not saved.", _jobId);
            }
        }
    }

    private async Task SaveAsync(EngineProgress p)
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        await db.GenerationJobs.Where(j => j.Id == _jobId && j.State == GenerationJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, p.Stage).SetProperty(j => j.FramesDone, p.FramesDone)
                .SetProperty(j => j.FramesTotal, p.FramesTotal).SetProperty(j => j.Percent, Math.Round(p.Percent, 1)));
    }
}
