using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Deletes a team (owners only; never a personal team). Its memberships and invites go with it through the
/// database's cascades, as does everything else that belongs to the team; library files that no other team's
/// items share are removed from the blob store in the same commit, and so are its videos and their thumbnails.
/// A team with queued or running jobs is not deleted: the worker would be rendering into a team that no longer exists.
/// </summary>
public sealed class DeleteTeam(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam, BlobStore blobs, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid TeamId);

    public async Task<TeamResult> HandleAsync(Request request, CancellationToken ct = default)
    {
        List<string> members;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var acting = await Membership.FindAsync(db, request.UserId, request.TeamId, ct);
            if (acting is null)
            {
                return TeamResult.Fail(TeamMessages.TeamNotFound);
            }

            if (acting.Role != TeamRole.Owner)
            {
                return TeamResult.Fail(TeamMessages.OwnersOnly("delete it"));
            }

            if (acting.IsPersonal)
            {
                return TeamResult.Fail("A personal team cannot be deleted.");
            }

            var active = await db.GenerationJobs.CountAsync(
                j => j.TeamId == request.TeamId && (j.State == GenerationJobState.Queued || j.State == GenerationJobState.Running), ct);
            if (active > 0)
            {
                return TeamResult.Fail($"This team has {active} queued or running generation job(s). Cancel them or wait for them to finish, then delete the team.");
            }

            members = await Membership.MemberIdsAsync(db, request.TeamId, ct);
            await blobs.CommitAsync(async () =>
            {
                var hashes = (await db.Portraits.Where(p => p.TeamId == request.TeamId).ToListAsync(ct)).SelectMany(p => p.BlobHashes)
                    .Concat((await db.AudioClips.Where(a => a.TeamId == request.TeamId).ToListAsync(ct)).SelectMany(a => a.BlobHashes))
                    .Concat(await EvidenceHashesAsync(db, request.TeamId, ct))
                    .Concat((await db.GenerationJobs.Where(j => j.TeamId == request.TeamId).ToListAsync(ct)).SelectMany(j => j.BlobHashes))
                    .Distinct()
                    .ToList();
                await using (var tx = await db.Database.BeginTransactionAsync(ct))
                {
                    await db.Teams.Where(t => t.Id == request.TeamId).ExecuteDeleteAsync(ct);
                    AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, request.UserId, request.TeamId, "team.deleted", request.TeamId.ToString(), null, new { name = acting.TeamName });
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }

                await BlobReferences.DeleteUnreferencedAsync(db, blobs, hashes, ct);
                return true;
            }, ct);
        }

        // Members whose active team this was fall back to their personal team on their next read.
        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }

    /// <summary>Evidence files (and PDF previews) of the team's consent records, which the cascade deletes with it.</summary>
    private static async Task<IEnumerable<string>> EvidenceHashesAsync(AppDbContext db, Guid teamId, CancellationToken ct)
    {
        var evidence = await db.ConsentEvidence
            .Where(e => db.ConsentRecords.Any(r => r.Id == e.ConsentRecordId && r.TeamId == teamId))
            .Select(e => new { e.Sha256, e.PreviewSha256 })
            .ToListAsync(ct);
        return evidence.SelectMany(e => e.PreviewSha256 is null ? [e.Sha256] : new[] { e.Sha256, e.PreviewSha256 });
    }
}
