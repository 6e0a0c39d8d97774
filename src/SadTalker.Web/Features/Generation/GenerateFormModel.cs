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

    public int BatchSize { get; set; } = 2;

    /// <summary>Free-view keyframes as typed ("0, 30, -30"); blank = none.</summary>
    public string? InputYaw { get; set; }

    public string? InputPitch { get; set; }

    public string? InputRoll { get; set; }

    public PermittedUse Use { get; set; } = PermittedUse.Internal;

    public string? WatermarkText { get; set; }

    public WatermarkPosition WatermarkPosition { get; set; }

    /// <exception cref="FormatException">A free-view field is not a list of whole degrees; the message names it.</exception>
    public JobSettings ToSettings() => new()
    {
        Still = Still,
        ExpressionScale = (float)ExpressionScale,
        PoseStyle = PoseStyle,
        Preprocess = Preprocess,
        Size = Size,
        Enhancer = Enhancer,
        Seed = Seed,
        BatchSize = BatchSize,
        InputYaw = AngleList.Parse(InputYaw, "yaw"),
        InputPitch = AngleList.Parse(InputPitch, "pitch"),
        InputRoll = AngleList.Parse(InputRoll, "roll"),
        WatermarkText = WatermarkText,
        WatermarkPosition = WatermarkPosition,
    };
}
