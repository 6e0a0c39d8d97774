using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>Downscales an image to fit a square box, keeping its aspect ratio, without the aliasing of one big bilinear step.</summary>
/// <remarks>
/// Target size: s = min(1, box / max(W, H)), w = max(1, round(W * s)), h = max(1, round(H * s)); images already inside
/// the box are returned unchanged (never upscaled).
/// While the image is at least twice the target on both axes it is halved with <see cref="ImageResize.Bilinear"/>:
/// at an exact 2:1 ratio with half-pixel centres every sample falls midway between two source pixels on each axis,
/// so a halving step is the 2x2 box average. The last step is an ordinary bilinear resize of less than 2:1.
/// </remarks>
public static class ImageShrink
{
    /// <summary>The size <see cref="Fit"/> produces for a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public static (int Width, int Height) FitSize(int width, int height, int box)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(box);
        var scale = Math.Min(1.0, (double)box / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>Returns an image fitting inside <paramref name="box"/> x <paramref name="box"/>; the input itself if it already fits.</summary>
    public static RgbImage Fit(RgbImage image, int box)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = FitSize(image.Width, image.Height, box);
        var current = image;
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            current = Resize(current, current.Width / 2, current.Height / 2);
        }

        return current.Width == width && current.Height == height ? current : Resize(current, width, height);
    }

    private static RgbImage Resize(RgbImage source, int width, int height)
    {
        var result = new RgbImage(width, height);
        ImageResize.Bilinear(source.Pixels, source.Width, source.Height, result.Span, width, height);
        return result;
    }
}
