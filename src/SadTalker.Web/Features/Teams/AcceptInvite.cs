using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Joins a team through an invite link. The link must exist, be neither revoked nor expired, and have uses left;
/// taking a use and adding the member happen in one transaction, and the use is taken with a single conditional
/// UPDATE, so a link for N people admits at most N however many accept at once.
/// </summary>
public sealed class AcceptInvite(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ActiveTeam activeTeam)
{
    public const string InvalidLink = "This invite link is not valid. Check that you copied the whole link, or ask a team owner for a new one.";

    public sealed record Request(string UserId, string? Token, string? Ip = null);

    /// <summary>What a link offers; <see cref="CurrentRole"/> is the user's role when they are already a member.</summary>
    public sealed record Offer(Guid TeamId, string TeamName, TeamRole Role, DateTime ExpiresUtc, TeamRole? CurrentRole);

    /// <summary>
    /// <see cref="Error"/> when the link cannot be used (nothing changed); otherwise the <see cref="Offer"/>, with
    /// <see cref="Joined"/> true when the user was added now and false when they already were a member.
    /// </summary>
    public sealed record Result(Offer? Offer, bool Joined, string? Error);

    /// <summary>Checks a link without using it (the invite page and registration ask first). Pass no user when signed out.</summary>
    public async Task<Result> CheckAsync(string? token, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CheckAsync(db, token, userId, ct);
    }

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        List<string> members;
        Offer offer;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var check = await CheckAsync(db, request.Token, request.UserId, ct);
            if (check.Error is not null || check.Offer!.CurrentRole is not null)
            {
                return check;
            }

            offer = check.Offer;
            var now = clock.GetUtcNow().UtcDateTime;
            var hash = InviteTokens.Hash(request.Token!);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var taken = await db.TeamInvites
                .Where(i => i.TokenHash == hash && i.RevokedUtc == null && i.ExpiresUtc > now && i.Uses < i.MaxUses)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1), ct);
            if (taken == 0)
            {
                // Another accept took the last use (or an owner revoked it) since the check: say which.
                await tx.RollbackAsync(ct);
                return await CheckAsync(db, request.Token, request.UserId, ct);
            }

            db.TeamMembers.Add(new TeamMember { TeamId = offer.TeamId, UserId = request.UserId, Role = offer.Role, JoinedUtc = now });
            AuditLog.Add(db, now, request.UserId, offer.TeamId, "team.invite.accepted", request.UserId, request.Ip, new { role = offer.Role.ToString() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same user accepting twice at once: the key refused the second membership; give the use back.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await CheckAsync(db, request.Token, request.UserId, ct);
            }

            await tx.CommitAsync(ct);
            members = await Membership.MemberIdsAsync(db, offer.TeamId, ct);
        }

        await activeTeam.NotifyAsync(members, ct);
        return new(offer with { CurrentRole = offer.Role }, Joined: true, null);
    }

    private async Task<Result> CheckAsync(AppDbContext db, string? token, string? userId, CancellationToken ct)
    {
        if (!InviteTokens.IsWellFormed(token))
        {
            return new(null, false, InvalidLink);
        }

        var hash = InviteTokens.Hash(token!);
        var invite = await db.TeamInvites.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new { i.TeamId, TeamName = i.Team.Name, i.Role, i.ExpiresUtc, i.MaxUses, i.Uses, i.RevokedUtc })
            .FirstOrDefaultAsync(ct);
        if (invite is null)
        {
            return new(null, false, InvalidLink);
        }

        TeamRole? current = userId is null
            ? null
            : await db.TeamMembers.AsNoTracking()
                .Where(m => m.TeamId == invite.TeamId && m.UserId == userId)
                .Select(m => (TeamRole?)m.Role)
                .FirstOrDefaultAsync(ct);
        var offer = new Offer(invite.TeamId, invite.TeamName, invite.Role, invite.ExpiresUtc, current);
        if (current is not null)
        {
            // Already in the team: the link is not used and the role stays as it is.
            return new(offer, false, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        string? problem = invite switch
        {
            { RevokedUtc: not null } => "This invite link has been revoked by a team owner. Ask them for a new one.",
            _ when invite.ExpiresUtc <= now => $"This invite link expired on {invite.ExpiresUtc:yyyy-MM-dd HH:mm} UTC. Ask a team owner for a new one.",
            _ when invite.Uses >= invite.MaxUses => invite.MaxUses == 1
                ? "This invite link has already been used. Ask a team owner for a new one."
                : $"This invite link has already been used {invite.MaxUses} times, its limit. Ask a team owner for a new one.",
            _ => null,
        };
        return problem is null ? new(offer, false, null) : new(null, false, problem);
    }
}
