using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Library;

/// <summary>Lists a team's library. Every query is filtered by team first (indexed on TeamId + CreatedUtc / Name).</summary>
public sealed class LibraryQueries(IDbContextFactory<AppDbContext> dbFactory, LibraryAccess access)
{
    public async Task<LibraryResult<LibraryPage<Portrait>>> PortraitsAsync(string userId, Guid teamId, LibraryQuery query, CancellationToken ct)
    {
        if (await access.DenyAsync<LibraryPage<Portrait>>(userId, teamId, edit: false, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return LibraryResult<LibraryPage<Portrait>>.Ok(await PageAsync(db.Portraits.AsNoTracking().Where(p => p.TeamId == teamId), query, ct));
    }

    public async Task<LibraryResult<LibraryPage<AudioClip>>> AudioAsync(string userId, Guid teamId, LibraryQuery query, CancellationToken ct)
    {
        if (await access.DenyAsync<LibraryPage<AudioClip>>(userId, teamId, edit: false, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return LibraryResult<LibraryPage<AudioClip>>.Ok(await PageAsync(db.AudioClips.AsNoTracking().Where(a => a.TeamId == teamId), query, ct));
    }

    private static async Task<LibraryPage<T>> PageAsync<T>(IQueryable<T> items, LibraryQuery query, CancellationToken ct)
        where T : class, ILibraryItem
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim()) + "%";
            items = items.Where(i => EF.Functions.Like(i.Name, pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var pattern = "%," + EscapeLike(query.Tag.Trim().ToLowerInvariant()) + ",%";
            items = items.Where(i => EF.Functions.Like(i.Tags, pattern, "\\"));
        }

        var total = await items.CountAsync(ct);
        items = query.Sort switch
        {
            LibrarySort.Oldest => items.OrderBy(i => EF.Property<DateTime>(i, "CreatedUtc")),
            LibrarySort.NameAscending => items.OrderBy(i => i.Name),
            LibrarySort.NameDescending => items.OrderByDescending(i => i.Name),
            _ => items.OrderByDescending(i => EF.Property<DateTime>(i, "CreatedUtc")),
        };
        var take = Math.Clamp(query.Take, 1, LibraryQuery.MaxTake);
        var list = await items.Skip(Math.Max(0, query.Skip)).Take(take).ToListAsync(ct);
        return new LibraryPage<T>(list, total);
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
