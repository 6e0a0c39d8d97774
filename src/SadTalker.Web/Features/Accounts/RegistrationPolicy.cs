using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Accounts;

/// <summary>
/// Decides whether a visitor may register: always on a fresh install (the first account becomes Admin), otherwise
/// per the registration mode; in invite-only mode a usable team invite link lets its holder register.
/// </summary>
public sealed class RegistrationPolicy(SiteSettings settings, IOptions<RegistrationOptions> options, IDbContextFactory<AppDbContext> dbFactory, AcceptInvite acceptInvite)
{
    public const string InviteOnlyMessage =
        "Registration on this installation is by invitation only. Ask an administrator or a team owner for an invitation.";

    public async Task<string> GetModeAsync(CancellationToken ct = default)
        => await settings.GetAsync(SiteSettings.RegistrationMode, ct) ?? options.Value.Mode;

    /// <summary>Null when registration is allowed; otherwise the message to show.</summary>
    public Task<string?> RefusalAsync(CancellationToken ct = default) => RefusalAsync(inviteToken: null, ct);

    /// <summary>As <see cref="RefusalAsync(CancellationToken)"/>, for a visitor who came with a team invite link's token.</summary>
    public async Task<string?> RefusalAsync(string? inviteToken, CancellationToken ct = default)
    {
        if (await GetModeAsync(ct) == RegistrationOptions.Open)
        {
            return null;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Users.AnyAsync(ct))
            {
                return null;
            }
        }

        if (string.IsNullOrEmpty(inviteToken))
        {
            return InviteOnlyMessage;
        }

        var invite = await acceptInvite.CheckAsync(inviteToken, userId: null, ct);
        return invite.Error is null
            ? null
            : $"Registration on this installation is by invitation only, and this invitation cannot be used. {invite.Error}";
    }
}
