using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>RGB bytes ↔ the NCHW float planes the SadTalker networks use (RGB in [0, 1], sadtalker-facts.md §3 and §7).</summary>
internal static class ImageTensor
{
    /// <summary>destination[c·H·W + y·W + x] = pixel(x, y, c) / 255.</summary>
    public static void ToPlanes(RgbImage image, Span<float> destination)
    {
        var plane = image.Width * image.Height;
        if (destination.Length < 3 * plane)
        {
            throw new ArgumentException($"Destination needs 3x{image.Width}x{image.Height} values.", nameof(destination));
        }

        var pixels = image.Pixels;
        for (var i = 0; i < plane; i++)
        {
            destination[i] = pixels[3 * i] / 255f;
            destination[plane + i] = pixels[(3 * i) + 1] / 255f;
            destination[(2 * plane) + i] = pixels[(3 * i) + 2] / 255f;
        }
    }

    /// <summary>The inverse, as skimage's img_as_ubyte does it for the renderer output (§8): round(clamp(v, 0, 1)·255).</summary>
    public static void FromPlanes(ReadOnlySpan<float> planes, int width, int height, Span<byte> destination)
    {
        var plane = width * height;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                destination[(3 * i) + c] = (byte)MathF.Round(Math.Clamp(planes[(c * plane) + i], 0f, 1f) * 255f);
            }
        }
    }
}
