using SadTalker.Inference.Engines;
using SadTalker.Inference.Rendering;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Generation;

/// <summary>The Generate form's editable values (bound by the page), turned into <see cref="JobSettings"/> on submit.</summary>
public sealed class GenerateFormModel
{
    public bool Still { get; set; }

    public double ExpressionScale { get; set; } = 1;

    public int PoseStyle { get; set; }

    public PreprocessMode Preprocess { get; set; } = PreprocessMode.Full;

    public int Size { get; set; } = 512;

    public bool Enhancer { get; set; }

    public int? Seed { get; set; }

    public PermittedUse Use { get; set; } = PermittedUse.Internal;

    public string? WatermarkText { get; set; }

    public WatermarkPosition WatermarkPosition { get; set; }

    public JobSettings ToSettings() => new()
    {
        Still = Still,
        ExpressionScale = (float)ExpressionScale,
        PoseStyle = PoseStyle,
        Preprocess = Preprocess,
        Size = Size,
        Enhancer = Enhancer,
        Seed = Seed,
        WatermarkText = WatermarkText,
        WatermarkPosition = WatermarkPosition,
    };
}
