namespace SadTalker.Inference.Faces;

/// <summary>An axis-aligned box in source-image pixels; it may reach past the image edges.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;

    public float Bottom => Y + Height;

    public FacePoint Center => new(X + (Width / 2), Y + (Height / 2));

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public static FaceBox FromCorners(float left, float top, float right, float bottom) =>
        new(left, top, right - left, bottom - top);

    /// <summary>Intersection area over union area; 0 when the union is empty.</summary>
    public float IntersectionOverUnion(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        var intersection = Math.Max(0, w) * Math.Max(0, h);
        var union = Area + other.Area - intersection;
        return union > 0 ? intersection / union : 0;
    }

    public bool Contains(FacePoint point) =>
        point.X >= X && point.X <= Right && point.Y >= Y && point.Y <= Bottom;
}
