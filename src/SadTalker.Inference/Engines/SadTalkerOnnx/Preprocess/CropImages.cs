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
    /// The 224² input of the 3DMM network (§3): the crop resized to (w, h) = (int(W·s'), int(H·s')) with PIL's bicubic
    /// (<see cref="PillowBicubic"/>, bit-exact), then the window at (left, up), zero outside, as SadTalker's
    /// <c>resize_n_crop_img</c> does it (<c>img.resize((w, h), resample=Image.BICUBIC).crop((left, up, right, below))</c>,
    /// OpenTalker/SadTalker cd4c046 src/face3d/util/preprocess.py). Only the window's rows and columns are computed.
    /// </summary>
    public static RgbImage Align(RgbImage crop, AlignParameters align)
    {
        ArgumentNullException.ThrowIfNull(crop);
        ArgumentNullException.ThrowIfNull(align);
        const int size = AlignParameters.TargetSize;
        var result = new RgbImage(size, size);
        if (align.ResizedWidth < 1 || align.ResizedHeight < 1)
        {
            // PIL refuses an empty size (SadTalker would fail); no landmarks of a real face come near it. All fill.
            return result;
        }

        PillowBicubic.ResizeWindow(
            crop.Pixels, crop.Width, crop.Height, align.ResizedWidth, align.ResizedHeight, align.Left, align.Up, result.Pixels, size, size);
        return result;
    }
}
