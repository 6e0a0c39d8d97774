using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Consent;

/// <summary>The site Admins' review queue: records of every team, filtered by state, team and age, oldest first.</summary>
public sealed class ReviewQueue(IDbContextFactory<AppDbContext> dbFactory, ConsentAccess access, TimeProvider clock)
{
    /// <param name="State">Null for every state; Pending (the default on the page) excludes records past their end date.</param>
    /// <param name="MinAgeDays">Only records submitted at least this many days ago.</param>
    public sealed record Filter(ConsentState? State, Guid? TeamId, int? MinAgeDays);

    public sealed record Item(Guid Id, string TeamName, string PortraitName, string SubjectName, bool NotRealPerson, PermittedUse Uses, ConsentState State, DateTime SubmittedUtc, string SubmitterEmail);

    public async Task<LibraryResult<IReadOnlyList<Item>>> ListAsync(string userId, Filter filter, CancellationToken ct = default)
    {
        if (!await access.IsAdminAsync(userId, ct))
        {
            return LibraryResult<IReadOnlyList<Item>>.Forbidden("Only site Admins review consent records.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ConsentRecords.AsNoTracking();
        if (filter.TeamId is { } team)
        {
            query = query.Where(r => r.TeamId == team);
        }

        if (filter.MinAgeDays is { } days && days > 0)
        {
            var before = now.AddDays(-days);
            query = query.Where(r => r.SubmittedUtc <= before);
        }

        if (filter.State is { } state && state != ConsentState.Expired)
        {
            // Expired is partly computed (see EffectiveState), so that filter is applied after loading.
            query = query.Where(r => r.State == state);
        }

        var rows = await query
            .Join(db.Portraits, r => r.PortraitId, p => p.Id, (r, p) => new { Record = r, Portrait = p.Name })
            .Join(db.Teams, x => x.Record.TeamId, t => t.Id, (x, t) => new { x.Record, x.Portrait, Team = t.Name })
            .GroupJoin(db.Users, x => x.Record.SubmittedByUserId, u => u.Id, (x, u) => new { x.Record, x.Portrait, x.Team, Users = u })
            .SelectMany(x => x.Users.DefaultIfEmpty(), (x, u) => new { x.Record, x.Portrait, x.Team, Email = u == null ? null : u.Email })
            .ToListAsync(ct);
        return LibraryResult<IReadOnlyList<Item>>.Ok(rows
            .Select(x => new Item(x.Record.Id, x.Team, x.Portrait, x.Record.SubjectName, x.Record.NotRealPerson, x.Record.Uses,
                x.Record.EffectiveState(now), x.Record.SubmittedUtc, x.Email ?? "(deleted account)"))
            .Where(i => filter.State is null || i.State == filter.State)
            .OrderBy(i => i.SubmittedUtc)
            .ThenBy(i => i.Id)
            .ToList());
    }

    /// <summary>Every team, for the filter (Admins only; empty for others).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TeamsAsync(string userId, CancellationToken ct = default)
    {
        if (!await access.IsAdminAsync(userId, ct))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => (t.Id, t.Name)).ToList();
    }
}
