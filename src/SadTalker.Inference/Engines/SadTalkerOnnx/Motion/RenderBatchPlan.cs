namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>Which frames each renderer step computes (sadtalker-facts.md §7 batching).</summary>
/// <remarks>
/// Reference order: pad T up to a multiple of B with copies of the last frame, L = T_pad / B; row b holds frames
/// b·L … b·L+L−1 and step k renders { b·L + k : b = 0..B−1 }; outputs are flattened row by row and cut to T.
/// The renderer has no state between frames, so any grouping gives the same frames; <see cref="Streaming"/> groups
/// contiguous frames so each step's output can go to the encoder at once instead of holding all T frames
/// (the reference keeps every frame until the end: issue #130 in §10).
/// </remarks>
public static class RenderBatchPlan
{
    /// <summary>The reference grouping: [step][row] → frame index (padding repeats T−1).</summary>
    public static int[][] Reference(int frames, int batch)
    {
        Check(frames, batch);
        var perRow = (frames + batch - 1) / batch;
        var steps = new int[perRow][];
        for (var k = 0; k < perRow; k++)
        {
            steps[k] = new int[batch];
            for (var b = 0; b < batch; b++)
            {
                steps[k][b] = Math.Min((b * perRow) + k, frames - 1);
            }
        }

        return steps;
    }

    /// <summary>The streaming grouping: step k renders frames k·B … k·B+B−1 (the last step may be shorter).</summary>
    public static IEnumerable<Range> Streaming(int frames, int batch)
    {
        Check(frames, batch);
        for (var start = 0; start < frames; start += batch)
        {
            yield return new Range(start, Math.Min(start + batch, frames));
        }
    }

    private static void Check(int frames, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
    }
}
