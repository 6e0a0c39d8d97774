using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>
/// Stores the Expired state of records whose valid-until has passed (Approved, and Pending ones nobody reviewed in
/// time, matching <see cref="ConsentRecord.EffectiveState"/>), with a <c>consent.record.expired</c> audit row each,
/// in the same save. Reads already treat such records as expired; this makes the log and the stored state say so.
/// </summary>
public sealed class ExpireConsent(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <returns>How many records were expired.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.ConsentRecords
            .Where(r => (r.State == ConsentState.Approved || r.State == ConsentState.Pending) && r.ValidUntilUtc != null && r.ValidUntilUtc <= now)
            .ToListAsync(ct);
        foreach (var record in due)
        {
            AuditLog.Add(db, now, null, record.TeamId, "consent.record.expired", record.Id.ToString(), null,
                new { previous = record.State.ToString(), validUntilUtc = record.ValidUntilUtc });
            record.State = ConsentState.Expired;
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return due.Count;
    }
}
