using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>Applies an EXIF orientation to an RGB24 buffer, so the stored pixels become the upright picture.</summary>
/// <remarks>
/// Destination is dw x dh, with (dw, dh) = (W, H) for orientations 1-4 and (H, W) for 5-8. Destination pixel
/// (x, y) copies source pixel (sx, sy) of the W x H stored image (EXIF 2.32, tag 0x0112):
/// <code>
/// 1 as stored        sx = x          sy = y
/// 2 mirrored         sx = W-1-x      sy = y
/// 3 rotated 180      sx = W-1-x      sy = H-1-y
/// 4 flipped          sx = x          sy = H-1-y
/// 5 transposed       sx = y          sy = x
/// 6 rotate 90 CW     sx = y          sy = H-1-x
/// 7 transversed      sx = W-1-y      sy = H-1-x
/// 8 rotate 90 CCW    sx = W-1-y      sy = x
/// </code>
/// ffmpeg's filters give the same results (2 hflip, 3 hflip+vflip, 4 vflip, 5 transpose=0, 6 transpose=1,
/// 7 transpose=3, 8 transpose=2), which the tests use as the reference.
/// </remarks>
public static class ImageOrientation
{
    private const int Channels = RgbImage.Channels;

    /// <summary>Returns the upright image; orientation 1 returns <paramref name="image"/> itself.</summary>
    public static RgbImage Apply(RgbImage image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        if (orientation == 1)
        {
            return image;
        }

        var (width, height) = OrientedSize(image.Width, image.Height, orientation);
        var result = new RgbImage(width, height);
        Apply(image.Pixels, image.Width, image.Height, orientation, result.Span);
        return result;
    }

    /// <summary>Size of the upright image: width and height swap for orientations 5-8.</summary>
    public static (int Width, int Height) OrientedSize(int width, int height, int orientation) =>
        orientation >= 5 ? (height, width) : (width, height);

    /// <summary>Writes the upright form of the <paramref name="width"/> x <paramref name="height"/> source into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or the orientation is not 1-8.</exception>
    /// <exception cref="ArgumentException">A span is shorter than width * height * 3, or the two overlap.</exception>
    public static void Apply(ReadOnlySpan<byte> source, int width, int height, int orientation, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        var length = (long)width * height * Channels;
        if (source.Length < length)
        {
            throw new ArgumentException($"Source is shorter than {width}x{height}x{Channels}.", nameof(source));
        }

        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination is shorter than {width}x{height}x{Channels}.", nameof(destination));
        }

        if (source[..(int)length].Overlaps(destination[..(int)length]))
        {
            throw new ArgumentException("Source and destination must not overlap.", nameof(destination));
        }

        // sx = x0 + dxx * x + dxy * y and sy = y0 + dyx * x + dyy * y, from the table in the remarks.
        var (x0, dxx, dxy, y0, dyx, dyy) = orientation switch
        {
            1 => (0, 1, 0, 0, 0, 1),
            2 => (width - 1, -1, 0, 0, 0, 1),
            3 => (width - 1, -1, 0, height - 1, 0, -1),
            4 => (0, 1, 0, height - 1, 0, -1),
            5 => (0, 0, 1, 0, 1, 0),
            6 => (0, 0, 1, height - 1, -1, 0),
            7 => (width - 1, 0, -1, height - 1, -1, 0),
            _ => (width - 1, 0, -1, 0, 1, 0),
        };

        var (outWidth, outHeight) = OrientedSize(width, height, orientation);
        var sourceStride = width * Channels;

        // Stepping one destination pixel to the right moves the source by a fixed number of bytes.
        var step = (dyx * sourceStride) + (dxx * Channels);
        for (var y = 0; y < outHeight; y++)
        {
            var from = ((y0 + (dyy * y)) * sourceStride) + ((x0 + (dxy * y)) * Channels);
            var row = destination.Slice(y * outWidth * Channels, outWidth * Channels);
            for (var x = 0; x < row.Length; x += Channels, from += step)
            {
                row[x] = source[from];
                row[x + 1] = source[from + 1];
                row[x + 2] = source[from + 2];
            }
        }
    }
}
