namespace SadTalker.Inference.Imaging;

/// <summary>
/// How <see cref="Letterbox.Fit"/> placed a source image in a square: the source was scaled by
/// (<see cref="ScaleX"/>, <see cref="ScaleY"/>) and its top-left corner put at (<see cref="OffsetX"/>, <see cref="OffsetY"/>).
/// </summary>
/// <remarks>The two scales differ only by the rounding of the resized size to whole pixels.</remarks>
public readonly record struct LetterboxTransform(float ScaleX, float ScaleY, int OffsetX, int OffsetY, int Size)
{
    /// <summary>Maps a point in letterboxed pixels back to source pixels.</summary>
    public (float X, float Y) ToSource(float x, float y) => ((x - OffsetX) / ScaleX, (y - OffsetY) / ScaleY);

    /// <summary>Maps a point given as a fraction of the square (0..1, as detectors report) to source pixels.</summary>
    public (float X, float Y) NormalizedToSource(float u, float v) => ToSource(u * Size, v * Size);
}
