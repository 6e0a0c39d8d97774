namespace SadTalker.Web.Data;

/// <summary>Append-only: <see cref="AppDbContext"/> refuses to update or delete these rows. No foreign keys so rows outlive teams and users.</summary>
public class AuditEntry
{
    public Guid Id { get; set; }

    public DateTime TimeUtc { get; set; }

    public string? ActorUserId { get; set; }

    public Guid? TeamId { get; set; }

    /// <summary>Dotted name such as <c>consent.record.approved</c>.</summary>
    public required string Action { get; set; }

    public string? TargetId { get; set; }

    public string? Ip { get; set; }

    public required string DetailJson { get; set; }
}
