namespace SadTalker.Inference.Engines;

/// <summary>
/// What an engine can do, so a UI can offer only valid choices and a request can be refused before any work starts.
/// </summary>
/// <remarks>
/// Options that only tune speed (batch size) are ignored by engines that do not support them; options that would
/// change the result in a way the engine cannot deliver (an enhancer, reference videos, free view, an unsupported
/// framing or size) are refused by <see cref="Validate"/>.
/// </remarks>
public sealed record EngineCapabilities
{
    /// <summary>Framings the engine renders; the first is its default.</summary>
    public required IReadOnlyList<PreprocessMode> PreprocessModes { get; init; }

    /// <summary>Accepted <see cref="GenerationOptions.Size"/> values; the first is the default.</summary>
    public required IReadOnlyList<int> Sizes { get; init; }

    /// <summary>The engine's progress stages in order (<see cref="EngineProgress.Stage"/> names).</summary>
    public required IReadOnlyList<string> Stages { get; init; }

    /// <summary>Honours <see cref="GenerationOptions.ExpressionScale"/>.</summary>
    public bool ExpressionScale { get; init; }

    /// <summary>Honours <see cref="GenerationOptions.PoseStyle"/>.</summary>
    public bool PoseStyle { get; init; }

    /// <summary>Can run a face enhancer.</summary>
    public bool Enhancer { get; init; }

    /// <summary>Renders several frames per step (<see cref="GenerationOptions.BatchSize"/>).</summary>
    public bool BatchRendering { get; init; }

    /// <summary>Accepts reference eye-blink and pose videos.</summary>
    public bool ReferenceVideos { get; init; }

    /// <summary>Accepts free-view yaw/pitch/roll keyframes.</summary>
    public bool FreeView { get; init; }

    /// <summary>Same seed, same frames.</summary>
    public bool Deterministic { get; init; }

    /// <summary>Generic checks plus what this engine cannot do; empty when the options are acceptable.</summary>
    public IReadOnlyList<string> Validate(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.Validate());
        if (!PreprocessModes.Contains(options.Preprocess))
        {
            errors.Add($"Preprocess '{options.Preprocess}' is not supported; use one of: {string.Join(", ", PreprocessModes)}.");
        }

        if (!Sizes.Contains(options.Size))
        {
            errors.Add($"Size {options.Size} is not supported; use one of: {string.Join(", ", Sizes)}.");
        }

        if (options.Enhancer && !Enhancer)
        {
            errors.Add("This engine has no face enhancer.");
        }

        if (!ReferenceVideos && (options.RefEyeblinkPath is not null || options.RefPosePath is not null))
        {
            errors.Add("This engine does not take reference eye-blink or pose videos.");
        }

        if (!FreeView && (options.InputYaw is not null || options.InputPitch is not null || options.InputRoll is not null))
        {
            errors.Add("This engine does not take free-view yaw/pitch/roll angles.");
        }

        return errors;
    }
}
