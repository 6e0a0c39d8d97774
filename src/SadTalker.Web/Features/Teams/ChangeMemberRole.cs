using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Teams;

/// <summary>Gives a member another role (owners only). The last owner cannot be demoted, nor a personal team's owner.</summary>
public sealed class ChangeMemberRole(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid TeamId, string MemberUserId, TeamRole Role, string? Ip = null);

    public async Task<TeamResult> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(request.Role))
        {
            return TeamResult.Fail("Choose Owner, Editor or Viewer.");
        }

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
                return TeamResult.Fail(TeamMessages.OwnersOnly("change roles"));
            }

            var target = await Membership.FindAsync(db, request.MemberUserId, request.TeamId, ct);
            if (target is null)
            {
                return TeamResult.Fail(TeamMessages.MemberNotFound);
            }

            if (target.Role == request.Role)
            {
                return TeamResult.Ok;
            }

            if (target.IsPersonalTeamOwner)
            {
                return TeamResult.Fail(TeamMessages.PersonalOwner(target.Email));
            }

            // The conditional update and its audit row commit together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var changed = await Membership.KeepingAnOwner(db, request.TeamId, request.MemberUserId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, request.Role), ct);
            if (changed > 0)
            {
                AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, request.UserId, request.TeamId, "team.member.role_changed", request.MemberUserId, request.Ip,
                    new { email = target.Email, from = target.Role.ToString(), to = request.Role.ToString() });
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

            members = await Membership.MemberIdsAsync(db, request.TeamId, ct);
        }

        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }
}
