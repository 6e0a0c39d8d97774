namespace SadTalker.Web.Data;

/// <summary>One consent (or "not a real person" claim) for a portrait. Rows are never deleted by review: state changes only.</summary>
public class ConsentRecord
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public Guid PortraitId { get; set; }

    /// <summary>An illustration or generated face: no consent needed, but the claim is reviewed like one.</summary>
    public bool NotRealPerson { get; set; }

    public required string SubjectName { get; set; }

    public string? SubjectContact { get; set; }

    public ConsentRelationship Relationship { get; set; }

    public string? RelationshipOther { get; set; }

    public PermittedUse Uses { get; set; }

    public DateTime ValidFromUtc { get; set; }

    public DateTime? ValidUntilUtc { get; set; }

    public string? Notes { get; set; }

    /// <summary>The stored state; Expired is derived by <see cref="EffectiveState"/> until the expiry service stores it.</summary>
    public ConsentState State { get; set; }

    public required string SubmittedByUserId { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public string? SubmittedIp { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecisionReason { get; set; }

    public string? RevokedByUserId { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevocationReason { get; set; }

    public List<ConsentAttestation> Attestations { get; set; } = [];

    /// <summary>Approved or pending records past their end date read as Expired, so no background job is needed for correctness.</summary>
    public ConsentState EffectiveState(DateTime utcNow) =>
        State is ConsentState.Approved or ConsentState.Pending && ValidUntilUtc is { } until && until <= utcNow ? ConsentState.Expired : State;
}
