using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Deletes a team (owners only; never a personal team). Its memberships and invites go with it through the
/// database's cascades, as does everything else that belongs to the team; library files that no other team's
/// items share are removed from the blob store in the same commit.
/// </summary>
public sealed class DeleteTeam(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam, BlobStore blobs)
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

            members = await Membership.MemberIdsAsync(db, request.TeamId, ct);
            await blobs.CommitAsync(async () =>
            {
                var hashes = (await db.Portraits.Where(p => p.TeamId == request.TeamId).ToListAsync(ct)).SelectMany(p => p.BlobHashes)
                    .Concat((await db.AudioClips.Where(a => a.TeamId == request.TeamId).ToListAsync(ct)).SelectMany(a => a.BlobHashes))
                    .Distinct()
                    .ToList();
                await db.Teams.Where(t => t.Id == request.TeamId).ExecuteDeleteAsync(ct);
                await BlobReferences.DeleteUnreferencedAsync(db, blobs, hashes, ct);
                return true;
            }, ct);
        }

        // Members whose active team this was fall back to their personal team on their next read.
        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }
}
