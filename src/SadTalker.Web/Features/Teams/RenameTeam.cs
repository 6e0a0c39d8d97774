using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>Renames a team (owners only).</summary>
public sealed class RenameTeam(IDbContextFactory<AppDbContext> dbFactory, ActiveTeam activeTeam)
{
    public sealed record Request(string UserId, Guid TeamId, string? Name);

    public async Task<TeamResult> HandleAsync(Request request, CancellationToken ct = default)
    {
        var (name, error) = TeamNames.Validate(request.Name);
        if (error is not null)
        {
            return TeamResult.Fail(error);
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
                return TeamResult.Fail(TeamMessages.OwnersOnly("rename it"));
            }

            await db.Teams.Where(t => t.Id == request.TeamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, name), ct);
            members = await Membership.MemberIdsAsync(db, request.TeamId, ct);
        }

        await activeTeam.NotifyAsync(members, ct);
        return TeamResult.Ok;
    }
}
