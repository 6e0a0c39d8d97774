using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>A team's page as one member sees it: members for everyone, the usable invite links for owners only.</summary>
public sealed class GetTeam(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid TeamId);

    public sealed record MemberRow(string UserId, string Email, TeamRole Role, DateTime JoinedUtc, bool IsPersonalTeamOwner);

    public sealed record InviteRow(Guid Id, TeamRole Role, int Uses, int MaxUses, DateTime CreatedUtc, DateTime ExpiresUtc, string CreatedBy);

    public sealed record View(Guid Id, string Name, bool IsPersonal, TeamRole MyRole, IReadOnlyList<MemberRow> Members, IReadOnlyList<InviteRow> Invites)
    {
        public bool IsOwner => MyRole == TeamRole.Owner;
    }

    /// <summary>Null when the team does not exist or the user is not a member: callers answer 404 for both.</summary>
    public async Task<View?> HandleAsync(Request request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await Membership.FindAsync(db, request.UserId, request.TeamId, ct);
        if (me is null)
        {
            return null;
        }

        var members = (await db.TeamMembers.AsNoTracking()
                .Where(m => m.TeamId == request.TeamId)
                .Select(m => new MemberRow(m.UserId, m.User.Email ?? m.User.UserName ?? m.UserId, m.Role, m.JoinedUtc,
                    m.Team.IsPersonal && m.Team.CreatedByUserId == m.UserId))
                .ToListAsync(ct))
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();

        IReadOnlyList<InviteRow> invites = [];
        if (me.Role == TeamRole.Owner)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var usable = await db.TeamInvites.AsNoTracking()
                .Where(i => i.TeamId == request.TeamId && i.RevokedUtc == null && i.ExpiresUtc > now && i.Uses < i.MaxUses)
                .OrderBy(i => i.CreatedUtc)
                .Select(i => new { i.Id, i.Role, i.Uses, i.MaxUses, i.CreatedUtc, i.ExpiresUtc, i.CreatedByUserId })
                .ToListAsync(ct);
            var creatorIds = usable.Select(i => i.CreatedByUserId).Distinct().ToList();
            var creators = await db.Users.AsNoTracking()
                .Where(u => creatorIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
            invites = usable
                .Select(i => new InviteRow(i.Id, i.Role, i.Uses, i.MaxUses, i.CreatedUtc, i.ExpiresUtc,
                    creators.GetValueOrDefault(i.CreatedByUserId, "a former member")))
                .ToList();
        }

        return new View(request.TeamId, me.TeamName, me.IsPersonal, me.Role, members, invites);
    }
}
