using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Who may do what in which team. Every page and endpoint that shows or changes a team's objects asks here first,
/// and treats "not a member" exactly like "no such object" (404), so ids of other teams' objects reveal nothing.
/// </summary>
public sealed class TeamAccess(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The user's role in the team, or null when they are not a member (or the team does not exist).</summary>
    public async Task<TeamRole?> GetRoleAsync(string userId, Guid teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.UserId == userId)
            .Select(m => (TeamRole?)m.Role)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The user's teams with their role in each: the personal team first, then by name.</summary>
    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.TeamMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new TeamSummary(m.TeamId, m.Team.Name, m.Team.IsPersonal, m.Role))
            .ToListAsync(ct);

        // Sorted here: SQLite's default collation is case-sensitive and culture-blind.
        return teams
            .OrderByDescending(t => t.IsPersonal)
            .ThenBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(t => t.Id)
            .ToList();
    }
}
