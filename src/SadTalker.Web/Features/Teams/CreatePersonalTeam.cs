using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Gives an account its personal team, with the account as Owner. Idempotent: called at registration and again by
/// <see cref="ActiveTeam"/> for accounts that have none (registered before teams existed, or a registration that
/// stopped between creating the account and the team, which Identity saves separately).
/// </summary>
public sealed class CreatePersonalTeam(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const string Suffix = "'s team";

    // In-process guard against two repairs at once; the filtered unique index on Teams backs it in the database.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public sealed record Request(string UserId);

    public async Task<TeamSummary> HandleAsync(Request request, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var user = await db.Users.AsNoTracking()
                .Where(u => u.Id == request.UserId)
                .Select(u => new { u.Email, u.UserName })
                .FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"No account with id {request.UserId}.");

            var now = clock.GetUtcNow().UtcDateTime;
            var team = await db.Teams.FirstOrDefaultAsync(t => t.IsPersonal && t.CreatedByUserId == request.UserId, ct);
            if (team is null)
            {
                team = new Team
                {
                    Id = Guid.CreateVersion7(),
                    Name = NameFor(user.Email ?? user.UserName ?? "My"),
                    IsPersonal = true,
                    CreatedUtc = now,
                    CreatedByUserId = request.UserId,
                };
                db.Teams.Add(team);
            }

            var membership = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == team.Id && m.UserId == request.UserId, ct);
            if (membership is null)
            {
                db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = request.UserId, Role = TeamRole.Owner, JoinedUtc = now });
            }
            else
            {
                membership.Role = TeamRole.Owner;
            }

            await db.SaveChangesAsync(ct);
            return new TeamSummary(team.Id, team.Name, IsPersonal: true, TeamRole.Owner);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>"ann@example.com's team", shortened to fit <see cref="Team.MaxNameLength"/>.</summary>
    public static string NameFor(string who)
    {
        var room = Team.MaxNameLength - Suffix.Length;
        return (who.Length <= room ? who : who[..(room - 1)] + "…") + Suffix;
    }
}
