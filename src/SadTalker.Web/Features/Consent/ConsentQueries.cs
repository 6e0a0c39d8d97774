using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Consent;

/// <summary>Read side: a team's records for its members, and the pending count for the Admin navigation badge.</summary>
public sealed class ConsentQueries(IDbContextFactory<AppDbContext> dbFactory, TeamAccess teams, TimeProvider clock)
{
    /// <summary>Every record of the team, newest first; not-found for non-members (other teams see nothing).</summary>
    public async Task<LibraryResult<IReadOnlyList<ConsentSummary>>> ListForTeamAsync(string userId, Guid teamId, CancellationToken ct = default)
    {
        if (await teams.GetRoleAsync(userId, teamId, ct) is null)
        {
            return LibraryResult<IReadOnlyList<ConsentSummary>>.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.TeamId == teamId)
            .Join(db.Portraits, r => r.PortraitId, p => p.Id, (r, p) => new { Record = r, p.Name })
            .ToListAsync(ct);

        // Sorted here: SQLite cannot order by DateTime stored as text reliably across kinds.
        return LibraryResult<IReadOnlyList<ConsentSummary>>.Ok(rows
            .OrderByDescending(x => x.Record.SubmittedUtc)
            .Select(x => new ConsentSummary(x.Record.Id, x.Record.PortraitId, x.Name, x.Record.SubjectName, x.Record.NotRealPerson,
                x.Record.Uses, x.Record.EffectiveState(now), x.Record.SubmittedUtc, x.Record.ValidUntilUtc))
            .ToList());
    }

    /// <summary>The records of one portrait, newest first; not-found for non-members.</summary>
    public async Task<LibraryResult<IReadOnlyList<ConsentSummary>>> ListForPortraitAsync(string userId, Guid portraitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.Portraits.AsNoTracking().Where(p => p.Id == portraitId).Select(p => new { p.TeamId, p.Name }).FirstOrDefaultAsync(ct);
        if (portrait is null || await teams.GetRoleAsync(userId, portrait.TeamId, ct) is null)
        {
            return LibraryResult<IReadOnlyList<ConsentSummary>>.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var records = await db.ConsentRecords.AsNoTracking().Where(r => r.PortraitId == portraitId).ToListAsync(ct);
        return LibraryResult<IReadOnlyList<ConsentSummary>>.Ok(records
            .OrderByDescending(r => r.SubmittedUtc)
            .Select(r => new ConsentSummary(r.Id, r.PortraitId, portrait.Name, r.SubjectName, r.NotRealPerson, r.Uses, r.EffectiveState(now), r.SubmittedUtc, r.ValidUntilUtc))
            .ToList());
    }

    /// <summary>Pending records across all teams that have not run past their end date (the Admin review queue size).</summary>
    public async Task<int> CountPendingAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var untils = await db.ConsentRecords.AsNoTracking().Where(r => r.State == ConsentState.Pending).Select(r => r.ValidUntilUtc).ToListAsync(ct);
        return untils.Count(u => u is null || u > now);
    }
}
