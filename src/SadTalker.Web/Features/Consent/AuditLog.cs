using System.Text.Json;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>Adds an audit row to the caller's context so it is saved in the same transaction as the action it records.</summary>
public static class AuditLog
{
    public static void Add(AppDbContext db, DateTime utcNow, string? actorUserId, Guid? teamId, string action, string? targetId, string? ip, object? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.NewGuid(),
            TimeUtc = utcNow,
            ActorUserId = actorUserId,
            TeamId = teamId,
            Action = action,
            TargetId = targetId,
            Ip = ip,
            DetailJson = JsonSerializer.Serialize(detail ?? new { }),
        });
}
