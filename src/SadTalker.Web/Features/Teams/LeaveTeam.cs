using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Teams;

/// <summary>Takes the user out of a team. The last owner cannot leave, and nobody leaves their own personal team.</summary>
public sealed class LeaveTeam(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid TeamId, string? Ip = null);

    public async Task<TeamResult> HandleAsync(Request request, CancellationToken ct = default)
    {
        List<string> members;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var me = await Membership.FindAsync(db, request.UserId, request.TeamId, ct);
            if (me is null)
            {
                return TeamResult.Fail(TeamMessages.TeamNotFound);
            }

            if (me.IsPersonalTeamOwner)
            {
                return TeamResult.Fail("This is your personal team: you cannot leave it.");
            }

            members = await Membership.MemberIdsAsync(db, request.TeamId, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var left = await Membership.KeepingAnOwner(db, request.TeamId, request.UserId).ExecuteDeleteAsync(ct);
            if (left > 0)
            {
                AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, request.UserId, request.TeamId, "team.member.left", request.UserId, request.Ip,
                    new { email = me.Email, role = me.Role.ToString() });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                return await Membership.FindAsync(db, request.UserId, request.TeamId, ct) is null
                    ? TeamResult.Fail(TeamMessages.TeamNotFound)
                    : TeamResult.Fail($"You are the last owner of {me.TeamName}. Make another member an owner first, or delete the team.");
            }
        }

        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }
}
