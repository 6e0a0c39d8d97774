namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>The crop SadTalker derives from the first frame's 68 landmarks (sadtalker-facts.md §2), in resized-image pixels.</summary>
/// <param name="ResizedWidth">Image width after the optional shrink (<c>rsize</c>); all other values are in this space.</param>
/// <param name="ResizedHeight">Image height after the optional shrink.</param>
/// <param name="Shrink">The shrink factor; the image is downscaled only when it is greater than 1.</param>
/// <param name="QuadSize">2‖x‖ after the shrink.</param>
/// <param name="Crop">(clx, cly, crx, cry): the quad's bounding box grown by the border and clipped to the image.</param>
/// <param name="Inner">(lx, ly, rx, ry) relative to the crop origin, before int truncation.</param>
/// <param name="Quad">The four quad corners relative to the crop origin: x0, y0, x1, y1, x2, y2, x3, y3.</param>
public sealed record FaceCrop(
    int ResizedWidth,
    int ResizedHeight,
    int Shrink,
    double QuadSize,
    (int Left, int Top, int Right, int Bottom) Crop,
    (double Left, double Top, double Right, double Bottom) Inner,
    IReadOnlyList<double> Quad)
{
    /// <summary>The inner box after int truncation, as SadTalker slices frames with it.</summary>
    public (int Left, int Top, int Right, int Bottom) InnerPixels => ((int)Inner.Left, (int)Inner.Top, (int)Inner.Right, (int)Inner.Bottom);

    /// <summary>crop_info's (w, h) = (rx − lx, ry − ly) after truncation (§2); the renderer output is resized to (size, ⌊size·h/w⌋).</summary>
    public (int Width, int Height) FaceSize => (InnerPixels.Right - InnerPixels.Left, InnerPixels.Bottom - InnerPixels.Top);

    /// <summary>
    /// The rectangle the rendered face is pasted into for full/extfull (§8): the whole crop for the ext modes,
    /// else the inner box offset by the crop origin; in resized-image pixels (the §8 shrink quirk).
    /// </summary>
    public (int Left, int Top, int Right, int Bottom) PasteRectangle(bool extended)
    {
        if (extended)
        {
            return Crop;
        }

        var inner = InnerPixels;
        return (Crop.Left + inner.Left, Crop.Top + inner.Top, Crop.Left + inner.Right, Crop.Top + inner.Bottom);
    }
}
