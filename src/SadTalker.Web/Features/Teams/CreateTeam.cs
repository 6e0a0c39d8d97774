using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>Creates a (non-personal) team with the creator as its Owner.</summary>
public sealed class CreateTeam(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ActiveTeam activeTeam)
{
    public sealed record Request(string UserId, string? Name);

    /// <summary><see cref="TeamId"/> is set when the team was created, else <see cref="Error"/> says why not.</summary>
    public sealed record Result(Guid? TeamId, string? Error);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        var (name, error) = TeamNames.Validate(request.Name);
        if (error is not null)
        {
            return new(null, error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Id = Guid.CreateVersion7(), Name = name, CreatedUtc = now, CreatedByUserId = request.UserId };
        team.Members.Add(new TeamMember { UserId = request.UserId, Role = TeamRole.Owner, JoinedUtc = now });

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync(ct);
        }

        await activeTeam.NotifyAsync([request.UserId], ct);
        return new(team.Id, null);
    }
}
