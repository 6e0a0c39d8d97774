using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>The renderer step of the pipeline, whichever generator files the pack has (one graph or the split pair).</summary>
public interface IFaceRenderer : IDisposable
{
    /// <summary>Frame side S (256 or 512).</summary>
    int Size { get; }

    /// <summary>Frames per run the model accepts (its pinned batch, or unlimited).</summary>
    int MaxBatch { get; }

    /// <summary>Sets the S×S source image; called once per job before <see cref="Render"/>.</summary>
    void SetSource(RgbImage source);

    /// <summary>Renders <paramref name="count"/> frames (S×S RGB24 each, one after another) for driving keypoints count×15×3.</summary>
    void Render(ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames);
}
