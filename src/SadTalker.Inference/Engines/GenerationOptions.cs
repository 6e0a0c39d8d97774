namespace SadTalker.Inference.Engines;

/// <summary>
/// What the user chose for one talking-head render. Ranges follow SadTalker's command line (OpenTalker/SadTalker
/// cd4c046 inference.py); which options an engine honours is in its <see cref="EngineCapabilities"/>.
/// </summary>
public sealed record GenerationOptions
{
    /// <summary>Highest <see cref="PoseStyle"/>: SadTalker has 46 pose classes, 0..45 (NUM_CLASSES in auido2pose.yaml).</summary>
    public const int MaxPoseStyle = 45;

    /// <summary>Largest <see cref="ExpressionScale"/> the UI offers.</summary>
    public const float MaxExpressionScale = 2f;

    /// <summary>Largest <see cref="BatchSize"/> (the SadTalker Gradio demo's maximum).</summary>
    public const int MaxBatchSize = 10;

    /// <summary>No head motion (SadTalker <c>--still</c>); blinks and the mouth still move.</summary>
    public bool Still { get; init; }

    /// <summary>Multiplier on expression / mouth movement, 0..2 (SadTalker <c>--expression_scale</c>, default 1).</summary>
    public float ExpressionScale { get; init; } = 1f;

    /// <summary>Head-motion style 0..45 (SadTalker <c>--pose_style</c>).</summary>
    public int PoseStyle { get; init; }

    /// <summary>Framing of the portrait. Full keeps the portrait's framing, which every engine here supports.</summary>
    public PreprocessMode Preprocess { get; init; } = PreprocessMode.Full;

    /// <summary>
    /// Output size in pixels. SadTalker: the face crop side, 256 or 512. Studio Lite: the long side of the output, 512 or 1024.
    /// </summary>
    public int Size { get; init; } = 512;

    /// <summary>Run a face enhancer (SadTalker <c>--enhancer gfpgan</c>) on every frame.</summary>
    public bool Enhancer { get; init; }

    /// <summary>Frames per renderer step, 1..10 (SadTalker <c>--batch_size</c>, default 2). Affects speed, not the result.</summary>
    public int BatchSize { get; init; } = 2;

    /// <summary>Seed for every random choice (blinks, head motion); null picks a fresh one per render.</summary>
    public int? Seed { get; init; }

    /// <summary>Video whose eye blinks drive the result (SadTalker <c>--ref_eyeblink</c>).</summary>
    public string? RefEyeblinkPath { get; init; }

    /// <summary>Video whose head motion is added to the result (SadTalker <c>--ref_pose</c>).</summary>
    public string? RefPosePath { get; init; }

    /// <summary>Free-view yaw keyframes in degrees (SadTalker <c>--input_yaw</c>).</summary>
    public IReadOnlyList<int>? InputYaw { get; init; }

    /// <summary>Free-view pitch keyframes in degrees (SadTalker <c>--input_pitch</c>).</summary>
    public IReadOnlyList<int>? InputPitch { get; init; }

    /// <summary>Free-view roll keyframes in degrees (SadTalker <c>--input_roll</c>).</summary>
    public IReadOnlyList<int>? InputRoll { get; init; }

    /// <summary>Range checks that hold for every engine; empty when valid. Each message names the option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!float.IsFinite(ExpressionScale) || ExpressionScale < 0 || ExpressionScale > MaxExpressionScale)
        {
            errors.Add($"Expression scale must be between 0 and {MaxExpressionScale}; got {ExpressionScale}.");
        }

        if (PoseStyle is < 0 or > MaxPoseStyle)
        {
            errors.Add($"Pose style must be between 0 and {MaxPoseStyle}; got {PoseStyle}.");
        }

        if (!Enum.IsDefined(Preprocess))
        {
            errors.Add($"Unknown preprocess mode {(int)Preprocess}.");
        }

        if (Size <= 0)
        {
            errors.Add($"Size must be positive; got {Size}.");
        }

        if (BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add($"Batch size must be between 1 and {MaxBatchSize}; got {BatchSize}.");
        }

        CheckAngles(InputYaw, "yaw", errors);
        CheckAngles(InputPitch, "pitch", errors);
        CheckAngles(InputRoll, "roll", errors);
        return errors;
    }

    private static void CheckAngles(IReadOnlyList<int>? angles, string name, List<string> errors)
    {
        if (angles is null)
        {
            return;
        }

        if (angles.Count == 0)
        {
            errors.Add($"Input {name} needs at least one angle when given.");
        }
        else if (angles.Any(a => a is < -90 or > 90))
        {
            errors.Add($"Input {name} angles must be between -90 and 90 degrees.");
        }
    }
}
