namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>The 27-frame coefficient windows MappingNet takes (sadtalker-facts.md §7, semantic radius 13).</summary>
/// <remarks>
/// <code>
/// window_i[c, k] = coeffs[clamp(i − 13 + k, 0, T − 1), c]     c = 0..C−1 (70 or 73), k = 0..26
/// </code>
/// Layout (C, 27) row-major, the model's <c>coeffs</c> input per batch item. The source window is the source's
/// coefficients repeated 27 times, i.e. the same formula with T = 1.
/// </remarks>
public static class SemanticWindows
{
    public const int Radius = 13;

    /// <summary>2·13 + 1.</summary>
    public const int Length = (2 * Radius) + 1;

    /// <summary>Writes frame <paramref name="frame"/>'s window of the (T × C) coefficients into <paramref name="destination"/> (C × 27).</summary>
    public static void Fill(ReadOnlySpan<float> coeffs, int channels, int frame, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        var frames = coeffs.Length / channels;
        if (frames == 0 || coeffs.Length % channels != 0)
        {
            throw new ArgumentException($"Coefficients ({coeffs.Length}) must be one or more rows of {channels}.", nameof(coeffs));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frame, frames);
        if (destination.Length < channels * Length)
        {
            throw new ArgumentException($"Destination needs {channels}x{Length} values.", nameof(destination));
        }

        for (var k = 0; k < Length; k++)
        {
            var row = coeffs.Slice(Math.Clamp(frame - Radius + k, 0, frames - 1) * channels, channels);
            for (var c = 0; c < channels; c++)
            {
                destination[(c * Length) + k] = row[c];
            }
        }
    }
}
