using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Teams;

/// <summary>Stops an invite link from working (owners only). Revoking twice is harmless.</summary>
public sealed class RevokeInvite(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid TeamId, Guid InviteId, string? Ip = null);

    public async Task<TeamResult> HandleAsync(Request request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var acting = await Membership.FindAsync(db, request.UserId, request.TeamId, ct);
        if (acting is null)
        {
            return TeamResult.Fail(TeamMessages.TeamNotFound);
        }

        if (acting.Role != TeamRole.Owner)
        {
            return TeamResult.Fail(TeamMessages.OwnersOnly("revoke invites"));
        }

        var invite = await db.TeamInvites.FirstOrDefaultAsync(i => i.Id == request.InviteId && i.TeamId == request.TeamId, ct);
        if (invite is null)
        {
            return TeamResult.Fail("That invite does not exist.");
        }

        if (invite.RevokedUtc is null)
        {
            invite.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            AuditLog.Add(db, invite.RevokedUtc.Value, request.UserId, request.TeamId, "team.invite.revoked", invite.Id.ToString(), request.Ip);
            await db.SaveChangesAsync(ct);
        }
        return TeamResult.Ok;
    }
}
