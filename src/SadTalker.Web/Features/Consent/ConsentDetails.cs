using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Consent;

/// <summary>One record with its portrait, evidence and history, and its files, for team members and Admins only.</summary>
public sealed class ConsentDetails(IDbContextFactory<AppDbContext> dbFactory, ConsentAccess access, TimeProvider clock)
{
    public async Task<LibraryResult<ConsentDetail>> GetAsync(string userId, Guid recordId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.ConsentRecords.AsNoTracking().Include(r => r.Attestations).FirstOrDefaultAsync(r => r.Id == recordId, ct);
        var viewer = record is null ? null : await access.ForTeamAsync(userId, record.TeamId, ct);
        if (record is null || viewer is not { CanSee: true })
        {
            return LibraryResult<ConsentDetail>.NotFound();
        }

        var portrait = await db.Portraits.AsNoTracking().FirstAsync(p => p.Id == record.PortraitId, ct);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == record.TeamId).Select(t => t.Name).FirstAsync(ct);
        var evidence = await db.ConsentEvidence.AsNoTracking().Where(e => e.ConsentRecordId == recordId).ToListAsync(ct);
        var target = recordId.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.TargetId == target).OrderBy(a => a.TimeUtc).ToListAsync(ct);
        var ids = new[] { record.SubmittedByUserId, record.DecidedByUserId, record.RevokedByUserId }.OfType<string>().Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        return LibraryResult<ConsentDetail>.Ok(new ConsentDetail(
            record, record.EffectiveState(clock.GetUtcNow().UtcDateTime), portrait, team, emails,
            evidence.OrderBy(e => e.UploadedUtc).ThenBy(e => e.FileName, StringComparer.Ordinal).ToList(),
            await AuditNames.ResolveAsync(db, entries, ct), viewer.IsAdmin, viewer.Role));
    }

    public async Task<LibraryResult<ConsentEvidence>> GetEvidenceAsync(string userId, Guid evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ConsentEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId)
            .Join(db.ConsentRecords, e => e.ConsentRecordId, r => r.Id, (e, r) => new { Evidence = e, r.TeamId })
            .FirstOrDefaultAsync(ct);
        return found is not null && (await access.ForTeamAsync(userId, found.TeamId, ct)).CanSee
            ? LibraryResult<ConsentEvidence>.Ok(found.Evidence)
            : LibraryResult<ConsentEvidence>.NotFound();
    }

    /// <summary>The record's portrait: Admins reviewing it need the image without being team members.</summary>
    public async Task<LibraryResult<Portrait>> GetPortraitAsync(string userId, Guid recordId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.Id == recordId)
            .Join(db.Portraits, r => r.PortraitId, p => p.Id, (r, p) => p)
            .FirstOrDefaultAsync(ct);
        return portrait is not null && (await access.ForTeamAsync(userId, portrait.TeamId, ct)).CanSee
            ? LibraryResult<Portrait>.Ok(portrait)
            : LibraryResult<Portrait>.NotFound();
    }
}
