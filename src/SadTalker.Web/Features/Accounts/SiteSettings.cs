using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Accounts;

/// <summary>Reads and writes <see cref="SiteSetting"/> rows, caching values in memory (one process owns the database).</summary>
public sealed class SiteSettings(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string RegistrationMode = "Registration:Mode";

    private readonly ConcurrentDictionary<string, string?> _cache = new();

    public async Task<string?> GetAsync(string key, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var value = await db.SiteSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        _cache[key] = value;
        return value;
    }

    /// <summary>Saves a value; a change is audited (<c>settings.changed</c>) in the same save.</summary>
    public async Task SetAsync(string key, string value, string? userId, string? ip = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.SiteSettings.FindAsync([key], ct);
        var previous = row?.Value;
        if (row is null)
        {
            row = new SiteSetting { Key = key, Value = value };
            db.SiteSettings.Add(row);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (previous != value)
        {
            AuditLog.Add(db, now, userId, null, "settings.changed", key, ip, new { key, from = previous, to = value });
        }

        row.Value = value;
        row.UpdatedUtc = now;
        row.UpdatedByUserId = userId;
        await db.SaveChangesAsync(ct);
        _cache[key] = value;
    }
}
