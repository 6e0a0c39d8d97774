using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>Takes the user out of a team. The last owner cannot leave, and nobody leaves their own personal team.</summary>
public sealed class LeaveTeam(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam)
{
    public sealed record Request(string UserId, Guid TeamId);

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
            var left = await Membership.KeepingAnOwner(db, request.TeamId, request.UserId).ExecuteDeleteAsync(ct);
            if (left == 0)
            {
                return await Membership.FindAsync(db, request.UserId, request.TeamId, ct) is null
                    ? TeamResult.Fail(TeamMessages.TeamNotFound)
                    : TeamResult.Fail($"You are the last owner of {me.TeamName}. Make another member an owner first, or delete the team.");
            }
        }

        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }
}
