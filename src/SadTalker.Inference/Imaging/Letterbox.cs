using System.Buffers;

namespace SadTalker.Inference.Imaging;

/// <summary>Fits an image into a square, keeping its aspect ratio and padding the rest with black.</summary>
public static class Letterbox
{
    /// <summary>Resizes <paramref name="source"/> (bilinear) and centres it in a <paramref name="size"/>-pixel square.</summary>
    /// <param name="destination">RGB24, at least size*size*3 bytes; fully overwritten.</param>
    public static LetterboxTransform Fit(RgbImage source, int size, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var length = size * size * RgbImage.Channels;
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination is shorter than {size}x{size}x{RgbImage.Channels}.", nameof(destination));
        }

        var scale = Math.Min((float)size / source.Width, (float)size / source.Height);
        var width = Math.Clamp((int)MathF.Round(source.Width * scale), 1, size);
        var height = Math.Clamp((int)MathF.Round(source.Height * scale), 1, size);
        var transform = new LetterboxTransform(
            (float)width / source.Width, (float)height / source.Height, (size - width) / 2, (size - height) / 2, size);

        destination[..length].Clear();
        var rowBytes = width * RgbImage.Channels;
        var resized = ArrayPool<byte>.Shared.Rent(rowBytes * height);
        try
        {
            ImageResize.Bilinear(source.Pixels, source.Width, source.Height, resized, width, height);
            for (var y = 0; y < height; y++)
            {
                var target = ((y + transform.OffsetY) * size + transform.OffsetX) * RgbImage.Channels;
                resized.AsSpan(y * rowBytes, rowBytes).CopyTo(destination.Slice(target, rowBytes));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(resized);
        }

        return transform;
    }
}
