using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// How every frame of one input is cut to the size² renderer/3DMM image (sadtalker-facts.md §2): the crop comes from
/// the first frame's landmarks and is reused for all frames (the source image, or each frame of a reference video).
/// </summary>
/// <param name="Crop">The crop geometry, or null in resize mode (the whole frame is squashed to size²).</param>
/// <param name="Mode">The preprocess mode: non-ext modes also cut the inner box.</param>
/// <param name="Size">Side of the output square.</param>
/// <param name="FrameWidth">Width of the frames this framing was computed for (the rsize scale is relative to it).</param>
/// <param name="FrameHeight">Height of those frames.</param>
public sealed record FaceFraming(FaceCrop? Crop, PreprocessMode Mode, int Size, int FrameWidth, int FrameHeight)
{
    /// <summary>Smallest face box (inner box for crop/full, crop box otherwise) worth animating, in pixels per side.</summary>
    public const int MinimumSide = 16;

    /// <summary>The framing of frames of <paramref name="width"/> × <paramref name="height"/> from the first frame's 68 landmarks.</summary>
    /// <exception cref="EngineInputException">
    /// The landmarks collapse to a box under <see cref="MinimumSide"/> px (a landmark model that failed on this face):
    /// refused with the size, never a division by zero further on.
    /// </exception>
    public static FaceFraming From(ReadOnlySpan<float> landmarks, int width, int height, PreprocessMode mode, int size)
    {
        var framing = new FaceFraming(mode == PreprocessMode.Resize ? null : FaceCropRule.Compute(landmarks, width, height), mode, size, width, height);
        var (l, t, r, b) = framing.Region;
        var (faceWidth, faceHeight) = framing.Crop?.FaceSize ?? (width, height);
        if (Math.Min(r - l, b - t) < MinimumSide || Math.Min(faceWidth, faceHeight) < MinimumSide)
        {
            throw new EngineInputException(
                EngineInputError.NoFace,
                $"The face landmarks give a face box of {Math.Min(r - l, faceWidth)}x{Math.Min(b - t, faceHeight)} px, too small to animate " +
                $"(at least {MinimumSide}x{MinimumSide} px): the face could not be located reliably. Use a larger, front-facing face.");
        }

        return framing;
    }

    /// <summary>
    /// The cut in rsize pixels: the crop box, and for crop/full the inner box inside it (clipped as the two slices of
    /// the reference clip, which <see cref="CropImages.Cut"/> reproduces).
    /// </summary>
    public (int Left, int Top, int Right, int Bottom) Region
    {
        get
        {
            if (Crop is null)
            {
                return (0, 0, FrameWidth, FrameHeight);
            }

            var (l, t, r, b) = Crop.Crop;
            if (Mode is not (PreprocessMode.Crop or PreprocessMode.Full))
            {
                return (l, t, r, b);
            }

            var inner = Crop.InnerPixels;
            var (w, h) = (r - l, b - t);
            var (il, it) = (Math.Clamp(inner.Left, 0, w - 1), Math.Clamp(inner.Top, 0, h - 1));
            return (l + il, t + it, l + Math.Clamp(inner.Right, il + 1, w), t + Math.Clamp(inner.Bottom, it + 1, h));
        }
    }

    /// <summary>Cuts and resizes one frame (rsize shrink first when the crop asks for it) to size × size.</summary>
    public RgbImage Apply(RgbImage frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != FrameWidth || frame.Height != FrameHeight)
        {
            throw new ArgumentException($"The framing is for {FrameWidth}x{FrameHeight} frames; got {frame.Width}x{frame.Height}.", nameof(frame));
        }

        var scaled = Crop is { Shrink: > 1 } ? CropImages.Resize(frame, Crop.ResizedWidth, Crop.ResizedHeight) : frame;
        var (l, t, r, b) = Region;
        return CropImages.Resize(CropImages.Cut(scaled, l, t, r, b), Size, Size);
    }
}
