using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>Pixel operations of the crop and alignment steps (sadtalker-facts.md §2-§3).</summary>
public static class CropImages
{
    /// <summary>Copies the rectangle [left, right) × [top, bottom) of <paramref name="image"/>, clipped to the image.</summary>
    public static RgbImage Cut(RgbImage image, int left, int top, int right, int bottom)
    {
        ArgumentNullException.ThrowIfNull(image);
        (left, top) = (Math.Clamp(left, 0, image.Width - 1), Math.Clamp(top, 0, image.Height - 1));
        (right, bottom) = (Math.Clamp(right, left + 1, image.Width), Math.Clamp(bottom, top + 1, image.Height));
        var cut = new RgbImage(right - left, bottom - top);
        for (var y = 0; y < cut.Height; y++)
        {
            image.GetRow(top + y).Slice(left * 3, cut.Stride).CopyTo(cut.GetRow(y));
        }

        return cut;
    }

    /// <summary>Bilinear resize (cv2 INTER_LINEAR), as the reference resizes the crop to size² (§2).</summary>
    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        var resized = new RgbImage(width, height);
        ImageResize.Bilinear(image.Pixels, image.Width, image.Height, resized.Pixels, width, height);
        return resized;
    }

    /// <summary>
    /// The 224² input of the 3DMM network: the image scaled by s' then cut at (left, up), zero outside (§3).
    /// REVIEW: the reference resizes with PIL bicubic; this samples the scaled image bilinearly in one pass.
    /// </summary>
    public static RgbImage Align(RgbImage crop, AlignParameters align)
    {
        ArgumentNullException.ThrowIfNull(crop);
        ArgumentNullException.ThrowIfNull(align);
        const int size = AlignParameters.TargetSize;
        var result = new RgbImage(size, size);
        var (sx, sy) = ((double)crop.Width / align.ResizedWidth, (double)crop.Height / align.ResizedHeight);
        for (var v = 0; v < size; v++)
        {
            var y = v + align.Up;
            if (y < 0 || y >= align.ResizedHeight)
            {
                continue;
            }

            var fy = Math.Clamp(((y + 0.5) * sy) - 0.5, 0, crop.Height - 1);
            var (y0, wy) = ((int)fy, fy - (int)fy);
            var y1 = Math.Min(y0 + 1, crop.Height - 1);
            for (var u = 0; u < size; u++)
            {
                var x = u + align.Left;
                if (x < 0 || x >= align.ResizedWidth)
                {
                    continue;
                }

                var fx = Math.Clamp(((x + 0.5) * sx) - 0.5, 0, crop.Width - 1);
                var (x0, wx) = ((int)fx, fx - (int)fx);
                var x1 = Math.Min(x0 + 1, crop.Width - 1);
                for (var c = 0; c < 3; c++)
                {
                    double At(int px, int py) => crop.Pixels[(py * crop.Stride) + (px * 3) + c];
                    var value = ((1 - wy) * (((1 - wx) * At(x0, y0)) + (wx * At(x1, y0)))) + (wy * (((1 - wx) * At(x0, y1)) + (wx * At(x1, y1))));
                    result.Pixels[(v * result.Stride) + (u * 3) + c] = (byte)Math.Round(value);
                }
            }
        }

        return result;
    }
}
