namespace SadTalker.Inference.Intake;

/// <summary>What the headers of an image declare, read without decoding any pixels.</summary>
/// <param name="Format">Container format, decided by content.</param>
/// <param name="Width">Stored (not yet oriented) width in pixels.</param>
/// <param name="Height">Stored (not yet oriented) height in pixels.</param>
/// <param name="Orientation">EXIF orientation 1-8 (1 = as stored); 1 when the file has none.</param>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, int Orientation)
{
    public long PixelCount => (long)Width * Height;

    /// <summary>Orientations 5-8 turn the image by a quarter, so width and height trade places when displayed.</summary>
    public bool SwapsAxes => Orientation >= 5;

    public int DisplayWidth => SwapsAxes ? Height : Width;

    public int DisplayHeight => SwapsAxes ? Width : Height;
}
