using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>A consent record as lists show it, with its state as of now (Expired computed).</summary>
public sealed record ConsentSummary(Guid Id, Guid PortraitId, string PortraitName, string SubjectName, bool NotRealPerson, PermittedUse Uses, ConsentState State, DateTime SubmittedUtc, DateTime? ValidUntilUtc);
