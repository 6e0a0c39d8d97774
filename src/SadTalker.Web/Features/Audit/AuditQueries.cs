using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Audit;

/// <summary>
/// Reads the audit log: site Admins see every row; a team's Owners see that team's rows only (the filter's team is
/// required for them). Other members are refused and non-members get not-found, as everywhere else.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory, ConsentAccess access)
{
    public const int MaxExportRows = 100_000;

    public sealed record Page(IReadOnlyList<AuditRow> Rows, int Total);

    public async Task<LibraryResult<Page>> SearchAsync(string userId, AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        if (await DenyAsync<Page>(userId, filter, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await ApplyAsync(db, filter, ct);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.TimeUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return LibraryResult<Page>.Ok(new Page(await AuditNames.ResolveAsync(db, entries, ct), total));
    }

    /// <summary>Every matching row (newest first, at most <see cref="MaxExportRows"/>) for the CSV export.</summary>
    public async Task<LibraryResult<IReadOnlyList<AuditRow>>> ExportAsync(string userId, AuditFilter filter, CancellationToken ct = default)
    {
        if (await DenyAsync<IReadOnlyList<AuditRow>>(userId, filter, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await (await ApplyAsync(db, filter, ct)).OrderByDescending(a => a.TimeUtc).ThenByDescending(a => a.Id).Take(MaxExportRows).ToListAsync(ct);
        return LibraryResult<IReadOnlyList<AuditRow>>.Ok(await AuditNames.ResolveAsync(db, entries, ct));
    }

    private async Task<LibraryResult<T>?> DenyAsync<T>(string userId, AuditFilter filter, CancellationToken ct)
    {
        if (await access.IsAdminAsync(userId, ct))
        {
            return null;
        }

        if (filter.TeamId is not { } team)
        {
            return LibraryResult<T>.Forbidden("Only site Admins see the whole audit log; team Owners see their team's entries.");
        }

        return (await access.ForTeamAsync(userId, team, ct)).Role switch
        {
            null => LibraryResult<T>.NotFound(),
            TeamRole.Owner => null,
            _ => LibraryResult<T>.Forbidden("Only the team's Owners see its audit log."),
        };
    }

    private static async Task<IQueryable<AuditEntry>> ApplyAsync(AppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.TimeUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.TimeUtc < end);
        }

        if (filter.TeamId is { } team)
        {
            query = query.Where(a => a.TeamId == team);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim().ToLowerInvariant();
            query = query.Where(a => a.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Matched against e-mail addresses (case-insensitive, part of the address is enough).
            var actor = filter.Actor.Trim().ToUpperInvariant();
            var ids = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail!.Contains(actor)).Select(u => u.Id).ToListAsync(ct);
            query = query.Where(a => a.ActorUserId != null && ids.Contains(a.ActorUserId));
        }

        return query;
    }
}
