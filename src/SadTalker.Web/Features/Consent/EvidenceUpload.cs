namespace SadTalker.Web.Features.Consent;

/// <summary>An evidence file already received into a server-named temp file; the use case always removes it.</summary>
/// <param name="FileName">The name the browser sent, used only (sanitized) for display and downloads.</param>
public sealed record EvidenceUpload(string TempFile, string? FileName);
