namespace SadTalker.Web.Data;

/// <summary>A file backing a consent record (signed release, photo, recording), stored in the blob store by content hash.</summary>
public class ConsentEvidence
{
    public Guid Id { get; set; }

    public Guid ConsentRecordId { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>Client file name, sanitized, for display and downloads only.</summary>
    public required string FileName { get; set; }

    /// <summary>The type the file is served with, from content sniffing (PDF magic, image headers, ffprobe).</summary>
    public required string ContentType { get; set; }

    public EvidenceKind Kind { get; set; }

    public long ByteCount { get; set; }

    /// <summary>PNG of a PDF's first page when pdftoppm was available at upload; null otherwise (download only).</summary>
    public string? PreviewSha256 { get; set; }

    public required string UploadedByUserId { get; set; }

    public DateTime UploadedUtc { get; set; }
}
