namespace SadTalker.Inference.Intake;

/// <summary>A portrait that passed intake: what it is, where its derived files are, and what the face check found.</summary>
/// <param name="Format">The format identified from the file's content.</param>
/// <param name="Width">Upright width in pixels (after EXIF orientation), as in the normalized PNG.</param>
/// <param name="Height">Upright height in pixels.</param>
/// <param name="Orientation">The EXIF orientation found in the file (1-8); already applied to every output.</param>
/// <param name="ByteCount">Size of the original upload in bytes.</param>
/// <param name="NormalizedPngPath">Upright RGB PNG in the work directory (alpha dropped); the engines' source image.</param>
/// <param name="ThumbnailPath">PNG fitting inside 256 x 256, aspect kept, in the work directory.</param>
/// <param name="ThumbnailWidth">Thumbnail width in pixels.</param>
/// <param name="ThumbnailHeight">Thumbnail height in pixels.</param>
/// <param name="Face">The face check; box and keypoints are in upright (normalized PNG) pixels.</param>
public sealed record PortraitIntakeResult(
    ImageFormat Format,
    int Width,
    int Height,
    int Orientation,
    long ByteCount,
    string NormalizedPngPath,
    string ThumbnailPath,
    int ThumbnailWidth,
    int ThumbnailHeight,
    FaceCheckResult Face);
