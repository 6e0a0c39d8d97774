using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>The answer of <see cref="ConsentGate.CheckAsync"/>: allowed with the record relied on, or a refusal message for the user.</summary>
public sealed record ConsentDecision(bool Allowed, Guid? RecordId, ConsentState? State, PermittedUse Uses, string? Message)
{
    public static ConsentDecision Refuse(string message) => new(false, null, null, PermittedUse.None, message);
}
