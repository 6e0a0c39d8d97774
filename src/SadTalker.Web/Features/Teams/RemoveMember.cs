using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Teams;

/// <summary>Removes a member from a team (owners only). The last owner cannot be removed, nor a personal team's owner.</summary>
public sealed class RemoveMember(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid TeamId, string MemberUserId, string? Ip = null);

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
                return TeamResult.Fail(TeamMessages.OwnersOnly("remove members"));
            }

            var target = await Membership.FindAsync(db, request.MemberUserId, request.TeamId, ct);
            if (target is null)
            {
                return TeamResult.Fail(TeamMessages.MemberNotFound);
            }

            if (target.IsPersonalTeamOwner)
            {
                return TeamResult.Fail(TeamMessages.PersonalOwner(target.Email));
            }

            members = await Membership.MemberIdsAsync(db, request.TeamId, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var removed = await Membership.KeepingAnOwner(db, request.TeamId, request.MemberUserId).ExecuteDeleteAsync(ct);
            if (removed > 0)
            {
                AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, request.UserId, request.TeamId, "team.member.removed", request.MemberUserId, request.Ip,
                    new { email = target.Email, role = target.Role.ToString() });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                return await Membership.FindAsync(db, request.MemberUserId, request.TeamId, ct) is null
                    ? TeamResult.Fail(TeamMessages.MemberNotFound)
                    : TeamResult.Fail(TeamMessages.LastOwner(target.Email, target.TeamName));
            }
        }

        // The removed member is in the list too: their header drops the team and, if it was active, falls back.
        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }
}
