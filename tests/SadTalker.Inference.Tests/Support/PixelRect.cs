using SadTalker.Inference.Faces;

namespace SadTalker.Inference.Tests.Support;

/// <summary>An integer pixel rectangle, clipped to a frame.</summary>
internal readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>The box around a point: dx/dy left/up, ex/ey right/down, in pixels, clipped to width×height.</summary>
    public static PixelRect Around(FacePoint p, float left, float up, float right, float down, int width, int height)
    {
        var x0 = Math.Clamp((int)MathF.Floor(p.X - left), 0, width - 1);
        var y0 = Math.Clamp((int)MathF.Floor(p.Y - up), 0, height - 1);
        var x1 = Math.Clamp((int)MathF.Ceiling(p.X + right), x0 + 1, width);
        var y1 = Math.Clamp((int)MathF.Ceiling(p.Y + down), y0 + 1, height);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The mouth box the lip-sync check looks at: one interocular distance wide, lips and jaw in height.</summary>
    public static PixelRect Mouth(FaceDetection face, int width, int height)
    {
        var eyes = Distance(face[FaceKeypoint.RightEye], face[FaceKeypoint.LeftEye]);
        return Around(face[FaceKeypoint.MouthCenter], 0.5f * eyes, 0.3f * eyes, 0.5f * eyes, 0.5f * eyes, width, height);
    }

    /// <summary>Both eyes with their lids.</summary>
    public static PixelRect Eyes(FaceDetection face, int width, int height)
    {
        var r = face[FaceKeypoint.RightEye];
        var l = face[FaceKeypoint.LeftEye];
        var eyes = Distance(r, l);
        var centre = new FacePoint((r.X + l.X) / 2, (r.Y + l.Y) / 2);
        return Around(centre, 0.85f * eyes, 0.3f * eyes, 0.85f * eyes, 0.25f * eyes, width, height);
    }

    /// <summary>Copies this rectangle out of an RGB24 frame.</summary>
    public byte[] Copy(ReadOnlySpan<byte> rgb24, int frameWidth)
    {
        var copy = new byte[Width * Height * 3];
        for (var y = 0; y < Height; y++)
        {
            rgb24.Slice((((Y + y) * frameWidth) + X) * 3, Width * 3).CopyTo(copy.AsSpan(y * Width * 3));
        }

        return copy;
    }

    private static float Distance(FacePoint a, FacePoint b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
