namespace SadTalker.Web.Data;

/// <summary>A portrait in a team's library: the uploaded original, an upright normalized PNG, a thumbnail and the face check.</summary>
public class Portrait : ILibraryItem
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    /// <summary>Tags as <c>,tag1,tag2,</c> (lower case) so one LIKE finds an exact tag; see <see cref="Features.Library.TagList"/>.</summary>
    public string Tags { get; set; } = ",";

    public DateTime CreatedUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    /// <summary>Client file name, sanitized, for display only: files are stored by content hash.</summary>
    public required string OriginalFileName { get; set; }

    public required string OriginalFormat { get; set; }

    public required string OriginalSha256 { get; set; }

    public required string ImageSha256 { get; set; }

    public required string ThumbnailSha256 { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long ByteCount { get; set; }

    public int FaceCount { get; set; }

    /// <summary><see cref="SadTalker.Inference.Intake.FaceVerdict"/> stored as text so the database stays readable.</summary>
    public required string FaceVerdict { get; set; }

    public required string FaceMessage { get; set; }

    public float? FaceX { get; set; }

    public float? FaceY { get; set; }

    public float? FaceWidth { get; set; }

    public float? FaceHeight { get; set; }

    public float? FaceScore { get; set; }

    /// <summary>The chosen face's 6 BlazeFace keypoints as JSON <c>[[x,y],…]</c> in image pixels.</summary>
    public string? FaceKeypointsJson { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<string> BlobHashes => [OriginalSha256, ImageSha256, ThumbnailSha256];
}
