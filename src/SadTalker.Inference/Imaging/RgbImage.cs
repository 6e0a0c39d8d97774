namespace SadTalker.Inference.Imaging;

/// <summary>An 8-bit RGB image, pixels interleaved row by row (RGB24, no padding between rows).</summary>
public sealed class RgbImage
{
    /// <summary>Bytes per pixel.</summary>
    public const int Channels = 3;

    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(ValidatedLength(width, height))])
    {
    }

    /// <summary>Wraps <paramref name="pixels"/> without copying; its length must be exactly width*height*3.</summary>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var expected = ValidatedLength(width, height);
        if (pixels.LongLength != expected)
        {
            throw new ArgumentException(
                $"A {width}x{height} RGB24 image needs {expected} bytes, got {pixels.LongLength}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bytes per row.</summary>
    public int Stride => Width * Channels;

    /// <summary>The backing RGB24 buffer (shared, not a copy).</summary>
    public byte[] Pixels { get; }

    public Span<byte> Span => Pixels;

    public Span<byte> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.AsSpan(y * Stride, Stride);
    }

    private static long ValidatedLength(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var length = (long)width * height * Channels;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height} is too large for one buffer.");
        }

        return length;
    }
}
