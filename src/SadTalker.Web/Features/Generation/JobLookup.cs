using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Generation;

/// <summary>Loads a job for an action: not-found for unknown ids and other teams, forbidden for Viewers when <paramref name="edit"/>.</summary>
internal static class JobLookup
{
    public static async Task<(GenerationJob? Job, LibraryResult<T>? Denied)> FindAsync<T>(
        AppDbContext db, LibraryAccess access, string userId, Guid jobId, bool edit, CancellationToken ct)
    {
        var job = await db.GenerationJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null)
        {
            return (null, LibraryResult<T>.NotFound());
        }

        var denied = await access.DenyAsync<T>(userId, job.TeamId, edit, ct);
        return denied is null ? (job, null) : (null, denied);
    }
}
