using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>A user's membership with the team facts the team actions check (read in one query).</summary>
internal sealed record Membership(string UserId, string Email, TeamRole Role, string TeamName, bool IsPersonal, string TeamCreatedByUserId)
{
    /// <summary>The creator of a personal team always stays its owner: the team is where their own work lives.</summary>
    public bool IsPersonalTeamOwner => IsPersonal && TeamCreatedByUserId == UserId;

    public static Task<Membership?> FindAsync(AppDbContext db, string userId, Guid teamId, CancellationToken ct) =>
        db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.UserId == userId)
            .Select(m => new Membership(m.UserId, m.User.Email ?? m.User.UserName ?? m.UserId, m.Role, m.Team.Name, m.Team.IsPersonal, m.Team.CreatedByUserId))
            .FirstOrDefaultAsync(ct);

    public static Task<List<string>> MemberIdsAsync(AppDbContext db, Guid teamId, CancellationToken ct) =>
        db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId).Select(m => m.UserId).ToListAsync(ct);

    /// <summary>
    /// Changes or deletes memberships only while the team keeps another owner, in one statement, so two owners
    /// demoting or removing each other at the same moment cannot leave the team without one.
    /// </summary>
    public static IQueryable<TeamMember> KeepingAnOwner(AppDbContext db, Guid teamId, string userId) =>
        db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId
            && (m.Role != TeamRole.Owner || db.TeamMembers.Any(o => o.TeamId == teamId && o.UserId != userId && o.Role == TeamRole.Owner)));
}
