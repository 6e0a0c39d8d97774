namespace SadTalker.Inference.Rendering;

/// <summary>Corner of the frame a visible watermark sits in.</summary>
public enum WatermarkPosition
{
    BottomRight,
    BottomLeft,
    TopRight,
    TopLeft,
}
