using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>Where the enhancer's five face points come from on each rendered frame (the seam tests replace).</summary>
public interface IFacePointSource
{
    /// <summary>
    /// Writes [left eye, right eye, nose tip, left mouth corner, right mouth corner] (x, y in frame pixels, image-left
    /// eye first) to <paramref name="fivePoints"/>; false when no face is found.
    /// </summary>
    bool TryLocate(RgbImage frame, Span<double> fivePoints);
}
