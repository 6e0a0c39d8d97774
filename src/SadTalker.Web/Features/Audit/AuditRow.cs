namespace SadTalker.Web.Features.Audit;

/// <summary>An audit entry as pages and the CSV show it: actor and team resolved to names where they still exist.</summary>
public sealed record AuditRow(Guid Id, DateTime TimeUtc, string? ActorUserId, string? ActorEmail, Guid? TeamId, string? TeamName, string Action, string? TargetId, string? Ip, string DetailJson);
