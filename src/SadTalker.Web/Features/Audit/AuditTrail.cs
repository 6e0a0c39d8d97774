using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Audit;

/// <summary>Writes an audit row for an event that changes nothing else (a failed login), in its own short save.</summary>
public sealed class AuditTrail(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task WriteAsync(string? actorUserId, Guid? teamId, string action, string? targetId, string? ip, object? detail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actorUserId, teamId, action, targetId, ip, detail);
        await db.SaveChangesAsync(ct);
    }
}
