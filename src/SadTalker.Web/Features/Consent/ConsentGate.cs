using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>
/// The one place generation asks whether a portrait may be used: at submit time and again when a job starts.
/// Expiry is computed here from the clock, so an expired record refuses even before anything materializes it.
/// </summary>
public sealed class ConsentGate(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ConsentDecision> CheckAsync(Guid portraitId, PermittedUse use, CancellationToken ct)
    {
        if (use == PermittedUse.None)
        {
            return ConsentDecision.Refuse("Choose the use the video is for (internal, external/public or commercial).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var records = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.PortraitId == portraitId && r.State == ConsentState.Approved)
            .ToListAsync(ct);
        var usable = records
            .Where(r => r.EffectiveState(now) == ConsentState.Approved && r.ValidFromUtc <= now && (r.NotRealPerson || (r.Uses & use) == use))
            .OrderByDescending(r => r.DecidedUtc)
            .FirstOrDefault();
        if (usable is not null)
        {
            return new ConsentDecision(true, usable.Id, ConsentState.Approved, usable.Uses, null);
        }

        return ConsentDecision.Refuse(records.Count == 0
            ? "This portrait has no approved consent. Submit a consent record and wait for an Admin to approve it."
            : $"No approved consent for this portrait covers {use} use today (it may have expired, not started yet or not include this use).");
    }

    /// <summary>True when the record was revoked: videos made under it must be marked "consent revoked".</summary>
    public async Task<bool> IsRevokedForAsync(Guid consentRecordId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ConsentRecords.AnyAsync(r => r.Id == consentRecordId && r.State == ConsentState.Revoked, ct);
    }

    /// <summary>Which of the given record ids are revoked (one query for a page of videos).</summary>
    public async Task<IReadOnlySet<Guid>> RevokedAmongAsync(IReadOnlyCollection<Guid> consentRecordIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.ConsentRecords.Where(r => consentRecordIds.Contains(r.Id) && r.State == ConsentState.Revoked).Select(r => r.Id).ToListAsync(ct);
        return ids.ToHashSet();
    }
}
