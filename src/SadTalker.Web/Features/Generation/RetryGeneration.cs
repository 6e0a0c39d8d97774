using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Generation;

/// <summary>Puts a Failed or Cancelled job back in the queue as its next attempt (same options; consent is checked again when it starts).</summary>
public sealed class RetryGeneration(IDbContextFactory<AppDbContext> dbFactory, LibraryAccess access, JobQueue queue, JobNotifier notifier, TimeProvider clock)
{
    public async Task<LibraryResult<int>> HandleAsync(string userId, Guid jobId, string? ip, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (job, denied) = await JobLookup.FindAsync<int>(db, access, userId, jobId, edit: true, ct);
        if (job is null)
        {
            return denied!;
        }

        if (job.State is not (GenerationJobState.Failed or GenerationJobState.Cancelled))
        {
            return LibraryResult<int>.Conflict("job.not_retryable", $"Only failed or cancelled jobs can be retried; this one is {job.State}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        job.Attempt++;
        job.State = GenerationJobState.Queued;
        job.QueuedUtc = now;
        (job.StartedUtc, job.FinishedUtc, job.Error, job.Stage, job.TimingsJson) = (null, null, null, null, null);
        (job.FramesDone, job.FramesTotal, job.Percent, job.CancelRequested) = (0, 0, 0, false);
        AuditLog.Add(db, now, userId, job.TeamId, "generation.submitted", jobId.ToString(), ip, new { retry = true, attempt = job.Attempt });
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new JobStateMessage(jobId, job.TeamId, nameof(GenerationJobState.Queued), null));
        queue.Wake();
        return LibraryResult<int>.Ok(job.Attempt);
    }
}
