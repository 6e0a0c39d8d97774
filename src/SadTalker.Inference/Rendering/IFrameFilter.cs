namespace SadTalker.Inference.Rendering;

/// <summary>
/// Changes every frame in place on its way from the engine to the encoder: the seam for the visible watermark and
/// a later invisible one. Filters run in list order, one frame at a time, on the render thread.
/// </summary>
public interface IFrameFilter
{
    /// <summary>Called once before the first frame; pre-compute anything size-dependent here, not per frame.</summary>
    void Begin(int width, int height, int frameCount);

    /// <summary>Processes frame <paramref name="frameIndex"/> (0-based), RGB24, width·height·3 bytes.</summary>
    void Apply(Span<byte> rgb24, long frameIndex);
}
