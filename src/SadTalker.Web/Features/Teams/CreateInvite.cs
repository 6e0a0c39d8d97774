using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// Creates an invite link for a team (owners only): a role, an expiry (1 to 90 days, 7 by default) and a number of
/// uses (1 to 1000, 1 by default). The token is returned once and only its hash is stored.
/// </summary>
public sealed class CreateInvite(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int DefaultExpiryDays = 7;
    public const int MaxExpiryDays = 90;
    public const int DefaultUses = 1;
    public const int MaxUsesLimit = 1000;

    public sealed record Request(string UserId, Guid TeamId, TeamRole Role, int ExpiresInDays = DefaultExpiryDays, int MaxUses = DefaultUses, string? Ip = null);

    /// <summary>On success <see cref="Token"/> is set: show <see cref="LinkPath"/> of it to the owner, once.</summary>
    public sealed record Result(string? Token, Guid? InviteId, DateTime? ExpiresUtc, string? Error);

    /// <summary>The invite page's path (relative to the app's base address) for a token.</summary>
    public static string LinkPath(string token) => InviteTokens.LinkPath(token);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(request.Role))
        {
            return Fail("Choose the role the invited people get: Owner, Editor or Viewer.");
        }

        if (request.ExpiresInDays is < 1 or > MaxExpiryDays)
        {
            return Fail($"An invite link expires after 1 to {MaxExpiryDays} days.");
        }

        if (request.MaxUses is < 1 or > MaxUsesLimit)
        {
            return Fail($"An invite link can be used 1 to {MaxUsesLimit} times.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var acting = await Membership.FindAsync(db, request.UserId, request.TeamId, ct);
        if (acting is null)
        {
            return Fail(TeamMessages.TeamNotFound);
        }

        if (acting.Role != TeamRole.Owner)
        {
            return Fail(TeamMessages.OwnersOnly("invite people"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = InviteTokens.Create();
        var invite = new TeamInvite
        {
            Id = Guid.CreateVersion7(),
            TeamId = request.TeamId,
            TokenHash = InviteTokens.Hash(token),
            Role = request.Role,
            CreatedByUserId = request.UserId,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(request.ExpiresInDays),
            MaxUses = request.MaxUses,
        };
        db.TeamInvites.Add(invite);
        AuditLog.Add(db, now, request.UserId, request.TeamId, "team.invite.created", invite.Id.ToString(), request.Ip,
            new { role = invite.Role.ToString(), expiresUtc = invite.ExpiresUtc, maxUses = invite.MaxUses });
        await db.SaveChangesAsync(ct);
        return new(token, invite.Id, invite.ExpiresUtc, null);
    }

    private static Result Fail(string error) => new(null, null, null, error);
}
