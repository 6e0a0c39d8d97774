using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Rendering;

/// <summary>Encoder and progress settings of <see cref="RenderPipeline"/>.</summary>
public sealed record RenderPipelineOptions
{
    /// <summary>
    /// libx264 preset. veryfast keeps encoding ahead of the built-in engine on 2 cores at 512 px; the quality loss
    /// against medium is small at the CRF below.
    /// </summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>libx264 constant rate factor (lower is better quality).</summary>
    public int Crf { get; init; } = 20;

    /// <summary>Shortest time between two preview frames in progress reports.</summary>
    public TimeSpan PreviewInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Long side of preview frames in pixels; 0 disables previews.</summary>
    public int PreviewSize { get; init; } = 160;

    /// <summary>ffmpeg used by the encoder (default: from PATH).</summary>
    public MediaTool Ffmpeg { get; init; } = MediaTool.Ffmpeg;
}
