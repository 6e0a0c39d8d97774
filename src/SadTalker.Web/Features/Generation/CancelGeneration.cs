using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// Cancels a job: a Queued one is Cancelled at once; a Running one gets its flag set and its render token cancelled,
/// and the worker marks it Cancelled once ffmpeg is killed and the temp folder removed (about a second).
/// </summary>
public sealed class CancelGeneration(IDbContextFactory<AppDbContext> dbFactory, LibraryAccess access, JobQueue queue, JobNotifier notifier, TimeProvider clock)
{
    public async Task<LibraryResult<GenerationJobState>> HandleAsync(string userId, Guid jobId, string? ip, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (job, denied) = await JobLookup.FindAsync<GenerationJobState>(db, access, userId, jobId, edit: true, ct);
        if (job is null)
        {
            return denied!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (job.State == GenerationJobState.Queued)
        {
            // Conditional: the worker may have claimed it meanwhile, then it is cancelled as a running job below.
            var cancelled = await db.GenerationJobs.Where(j => j.Id == jobId && j.State == GenerationJobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, GenerationJobState.Cancelled).SetProperty(j => j.FinishedUtc, now)
                    .SetProperty(j => j.Error, "Cancelled before it started."), ct);
            if (cancelled == 1)
            {
                AuditLog.Add(db, now, userId, job.TeamId, "generation.cancelled", jobId.ToString(), ip, new { state = "Queued" });
                await db.SaveChangesAsync(ct);
                await notifier.PublishAsync(new JobStateMessage(jobId, job.TeamId, nameof(GenerationJobState.Cancelled), "Cancelled before it started."));
                return LibraryResult<GenerationJobState>.Ok(GenerationJobState.Cancelled);
            }

            await db.Entry(job).ReloadAsync(ct);
        }

        if (job.State != GenerationJobState.Running)
        {
            return LibraryResult<GenerationJobState>.Conflict("job.not_cancellable", $"Only queued or running jobs can be cancelled; this one is {job.State}.");
        }

        job.CancelRequested = true;
        AuditLog.Add(db, now, userId, job.TeamId, "generation.cancelled", jobId.ToString(), ip, new { state = "Running" });
        await db.SaveChangesAsync(ct);
        queue.Cancel(jobId);
        return LibraryResult<GenerationJobState>.Ok(GenerationJobState.Running);
    }
}
