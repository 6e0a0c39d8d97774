namespace SadTalker.Inference.Intake;

/// <summary>Still-image formats accepted for portraits, as identified from the file's bytes.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Bmp,
}
