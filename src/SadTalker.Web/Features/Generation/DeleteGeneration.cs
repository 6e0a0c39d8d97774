using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace SadTalker.Web.Features.Generation;

/// <summary>Deletes a job that is not running, with its video and thumbnail unless another row shares those blobs.</summary>
public sealed class DeleteGeneration(IDbContextFactory<AppDbContext> dbFactory, LibraryAccess access, BlobStore blobs, JobNotifier notifier, TimeProvider clock)
{
    public async Task<LibraryResult<bool>> HandleAsync(string userId, Guid jobId, string? ip, CancellationToken ct = default)
    {
        var result = await blobs.CommitAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (job, denied) = await JobLookup.FindAsync<GenerationJob>(db, access, userId, jobId, edit: true, ct);
            if (job is null)
            {
                return denied!;
            }

            if (job.State == GenerationJobState.Running)
            {
                return LibraryResult<GenerationJob>.Conflict("job.running", "A running job cannot be deleted; cancel it first.");
            }

            db.GenerationJobs.Remove(job);
            AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, userId, job.TeamId, "generation.deleted", jobId.ToString(), ip, new { video = job.VideoSha256 });
            await db.SaveChangesAsync(ct);
            await BlobReferences.DeleteUnreferencedAsync(db, blobs, job.BlobHashes, ct);
            return LibraryResult<GenerationJob>.Ok(job);
        }, ct);
        if (result.Value is { } deleted)
        {
            await notifier.PublishAsync(new JobStateMessage(deleted.Id, deleted.TeamId, JobMessageNames.Deleted, null));
        }

        return result.Succeeded ? LibraryResult<bool>.Ok(true) : result.As<bool>();
    }
}
