using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Audit;

/// <summary>Turns audit entries into <see cref="AuditRow"/>s with actor e-mails and team names (rows outlive both, so lookups may miss).</summary>
public static class AuditNames
{
    public static async Task<List<AuditRow>> ResolveAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var userIds = entries.Select(e => e.ActorUserId).OfType<string>().Distinct().ToList();
        var teamIds = entries.Select(e => e.TeamId).OfType<Guid>().Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return entries.Select(e => new AuditRow(e.Id, e.TimeUtc, e.ActorUserId, e.ActorUserId is null ? null : emails.GetValueOrDefault(e.ActorUserId),
                e.TeamId, e.TeamId is { } t ? teams.GetValueOrDefault(t) : null, e.Action, e.TargetId, e.Ip, e.DetailJson))
            .ToList();
    }
}
