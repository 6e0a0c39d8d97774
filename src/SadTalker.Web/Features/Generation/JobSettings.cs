using System.Text.Json;
using System.Text.Json.Serialization;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Rendering;

namespace SadTalker.Web.Features.Generation;

/// <summary>What a user chose for one job, stored as the job's options JSON: the engine options plus the visible watermark.</summary>
public sealed record JobSettings
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public bool Still { get; init; }

    public float ExpressionScale { get; init; } = 1f;

    public int PoseStyle { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<PreprocessMode>))]
    public PreprocessMode Preprocess { get; init; } = PreprocessMode.Full;

    public int Size { get; init; } = 512;

    public bool Enhancer { get; init; }

    public int? Seed { get; init; }

    /// <summary>Frames per renderer step (engines without batch rendering ignore it).</summary>
    public int BatchSize { get; init; } = 2;

    /// <summary>Free-view keyframes in degrees (SadTalker <c>--input_yaw/pitch/roll</c>); null = none.</summary>
    public IReadOnlyList<int>? InputYaw { get; init; }

    public IReadOnlyList<int>? InputPitch { get; init; }

    public IReadOnlyList<int>? InputRoll { get; init; }

    /// <summary>Burned-in text; null or empty renders no visible watermark (refused when the site requires one).</summary>
    public string? WatermarkText { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<WatermarkPosition>))]
    public WatermarkPosition WatermarkPosition { get; init; }

    public GenerationOptions ToEngineOptions() => new()
    {
        Still = Still,
        ExpressionScale = ExpressionScale,
        PoseStyle = PoseStyle,
        Preprocess = Preprocess,
        Size = Size,
        Enhancer = Enhancer,
        Seed = Seed,
        BatchSize = BatchSize,
        InputYaw = InputYaw,
        InputPitch = InputPitch,
        InputRoll = InputRoll,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static JobSettings FromJson(string json) => JsonSerializer.Deserialize<JobSettings>(json, Json) ?? new JobSettings();
}
