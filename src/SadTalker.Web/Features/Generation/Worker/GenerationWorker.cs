using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Web.Data;
using SadTalker.Web.Hosting;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>
/// Runs queued jobs in-process, oldest first, up to <see cref="GenerationQueueOptions.Concurrency"/> at a time, each
/// in its own DI scope. At start-up, jobs a killed process left Running go back to the queue and stale temp
/// folders are removed; at shutdown running jobs are cancelled and re-queued.
/// </summary>
internal sealed class GenerationWorker(
    IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, JobQueue queue, IOptions<GenerationQueueOptions> options,
    IOptions<StorageOptions> storage, IHostEnvironment env, ILogger<GenerationWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        var slots = new SemaphoreSlim(options.Value.Concurrency);
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var jobId = await ClaimNextAsync(stoppingToken);
                if (jobId is not { } id)
                {
                    slots.Release();
                    await queue.WaitAsync(poll, stoppingToken);
                    continue;
                }

                _running[id] = Task.Run(() => RunOneAsync(id, stoppingToken), CancellationToken.None)
                    .ContinueWith(_ => { _running.TryRemove(id, out var _); slots.Release(); }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken);
    }

    private async Task RunOneAsync(Guid jobId, CancellationToken stopping)
    {
        using var cts = queue.Track(jobId, stopping);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(jobId, cts.Token, stopping);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {JobId} could not be finished.", jobId);
        }
        finally
        {
            queue.Untrack(jobId);
        }
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var next = await db.GenerationJobs.Where(j => j.State == GenerationJobState.Queued).OrderBy(j => j.QueuedUtc)
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return null;
        }

        // Conditional so a cancel that landed in between wins.
        var claimed = await db.GenerationJobs.Where(j => j.Id == next && j.State == GenerationJobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, GenerationJobState.Running).SetProperty(j => j.Stage, "Starting")
                .SetProperty(j => j.Percent, 0).SetProperty(j => j.CancelRequested, false), ct);
        return claimed == 1 ? next : await ClaimNextAsync(ct);
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        JobWorkspace.Sweep(storage.Value.ResolveDataDir(env.ContentRootPath));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requeued = await db.GenerationJobs.Where(j => j.State == GenerationJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, GenerationJobState.Queued).SetProperty(j => j.Stage, "Re-queued after a restart")
                .SetProperty(j => j.Percent, 0).SetProperty(j => j.FramesDone, 0), ct);
        if (requeued > 0)
        {
            logger.LogWarning("{Count} job(s) were running when the app stopped; they are queued again.", requeued);
        }
    }
}
