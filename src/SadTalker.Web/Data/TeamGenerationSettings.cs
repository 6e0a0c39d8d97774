using SadTalker.Inference.Rendering;

namespace SadTalker.Web.Data;

/// <summary>A team's generation defaults: the visible watermark burned into its videos. No row means the defaults.</summary>
public class TeamGenerationSettings
{
    public const string DefaultWatermarkText = "AI-generated";

    public const int MaxWatermarkLength = 60;

    public Guid TeamId { get; set; }

    /// <summary>Empty disables the watermark (unless an Admin forbids that).</summary>
    public string WatermarkText { get; set; } = DefaultWatermarkText;

    public WatermarkPosition WatermarkPosition { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string? UpdatedByUserId { get; set; }
}
