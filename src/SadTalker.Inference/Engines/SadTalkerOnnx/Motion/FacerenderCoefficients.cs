namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>Builds the per-frame coefficients the MappingNet windows are cut from (sadtalker-facts.md §7 data prep).</summary>
/// <remarks>
/// <code>
/// out[t, 0..63]  = target[t, 0..63] · expression_scale        (the source is never scaled)
/// out[t, 64..69] = still ? source[64..69] : target[t, 64..69]
/// out[t, 70..72] = source[70..72]                              (full/extfull only: s', t_x, t_y; C = 73)
/// </code>
/// Target rows are the 70-value [exp 64 | pose 6] of §6; the source is the 73-value coeff_3dmm of §3.
/// </remarks>
public static class FacerenderCoefficients
{
    public const int Expression = 64;
    public const int Driving = 70;
    public const int WithCrop = 73;

    /// <summary>Channels per frame: 73 for full/extfull, else 70.</summary>
    public static int Channels(bool fullMode) => fullMode ? WithCrop : Driving;

    public static void Prepare(
        ReadOnlySpan<float> target, ReadOnlySpan<float> source, float expressionScale, bool still, bool fullMode, Span<float> destination)
    {
        if (target.Length % Driving != 0 || source.Length != WithCrop)
        {
            throw new ArgumentException($"Target must be rows of {Driving} ({target.Length} given) and the source {WithCrop} values ({source.Length} given).");
        }

        var frames = target.Length / Driving;
        var channels = Channels(fullMode);
        if (destination.Length < frames * channels)
        {
            throw new ArgumentException($"Destination needs {frames}x{channels} values.", nameof(destination));
        }

        for (var t = 0; t < frames; t++)
        {
            var row = target.Slice(t * Driving, Driving);
            var output = destination.Slice(t * channels, channels);
            for (var c = 0; c < Expression; c++)
            {
                output[c] = row[c] * expressionScale;
            }

            (still ? source : row)[Expression..Driving].CopyTo(output[Expression..Driving]);
            if (fullMode)
            {
                source[Driving..WithCrop].CopyTo(output[Driving..WithCrop]);
            }
        }
    }
}
