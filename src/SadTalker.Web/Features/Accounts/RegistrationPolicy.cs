using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Accounts;

/// <summary>Decides whether a visitor may register: always on a fresh install (the first account becomes Admin), otherwise per the registration mode.</summary>
public sealed class RegistrationPolicy(SiteSettings settings, IOptions<RegistrationOptions> options, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<string> GetModeAsync(CancellationToken ct = default)
        => await settings.GetAsync(SiteSettings.RegistrationMode, ct) ?? options.Value.Mode;

    /// <summary>Null when registration is allowed; otherwise the message to show.</summary>
    public async Task<string?> RefusalAsync(CancellationToken ct = default)
    {
        if (await GetModeAsync(ct) == RegistrationOptions.Open)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(ct)
            ? "Registration on this installation is by invitation only. Ask an administrator or a team owner for an invitation."
            : null;
    }
}
