using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Consent;

/// <summary>Who may see a team's consent records and evidence: its members and site Admins; everyone else gets not-found.</summary>
public sealed class ConsentAccess(IDbContextFactory<AppDbContext> dbFactory, TeamAccess teams)
{
    public sealed record Viewer(bool IsAdmin, TeamRole? Role)
    {
        public bool CanSee => IsAdmin || Role is not null;
    }

    public async Task<bool> IsAdminAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), ct);
    }

    public async Task<Viewer> ForTeamAsync(string userId, Guid teamId, CancellationToken ct = default) =>
        new(await IsAdminAsync(userId, ct), await teams.GetRoleAsync(userId, teamId, ct));
}
