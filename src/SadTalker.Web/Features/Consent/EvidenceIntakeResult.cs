using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>An accepted evidence file: what it is (by content), its sanitized name, and the PDF preview when one was made.</summary>
public sealed record EvidenceIntakeResult(string TempFile, string FileName, EvidenceKind Kind, string ContentType, long ByteCount, string? PreviewPath);
