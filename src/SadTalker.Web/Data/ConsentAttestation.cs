namespace SadTalker.Web.Data;

/// <summary>A statement the submitter ticked, with the exact wording and its version, who, when and from where.</summary>
public class ConsentAttestation
{
    public Guid Id { get; set; }

    public Guid ConsentRecordId { get; set; }

    public required string Key { get; set; }

    public required string WordingVersion { get; set; }

    public required string Wording { get; set; }

    public required string UserId { get; set; }

    public DateTime AttestedUtc { get; set; }

    public string? Ip { get; set; }
}
