namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>Reference-video coefficients fitted to the audio length, and the ref-pose offset (sadtalker-facts.md §5-§6).</summary>
public static class SequenceLoop
{
    /// <summary>
    /// destination[t] = source[t mod N] for t in 0..T−1, rows of <paramref name="width"/> values: looped when the
    /// reference video is shorter than the audio, truncated when longer (§5 ref_eyeblink, §6 ref_pose).
    /// </summary>
    public static void Fill(ReadOnlySpan<float> source, int width, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (source.Length == 0 || source.Length % width != 0 || destination.Length % width != 0)
        {
            throw new ArgumentException($"Source ({source.Length}) and destination ({destination.Length}) must be non-empty whole rows of {width}.");
        }

        var rows = source.Length / width;
        for (var t = 0; t < destination.Length / width; t++)
        {
            source.Slice(t % rows * width, width).CopyTo(destination.Slice(t * width, width));
        }
    }

    /// <summary>
    /// pose[t] += ref[t mod N] − ref[0] over rows of 6 (§6 <c>--ref_pose</c>): the reference's relative head motion is
    /// <b>added</b> to the predicted (smoothed) pose, not substituted — a §12 quirk kept for fidelity.
    /// </summary>
    public static void AddRelativeMotion(ReadOnlySpan<float> reference, Span<float> pose)
    {
        const int width = 6;
        if (reference.Length == 0 || reference.Length % width != 0 || pose.Length % width != 0)
        {
            throw new ArgumentException($"Reference ({reference.Length}) and pose ({pose.Length}) must be non-empty whole rows of {width}.");
        }

        var rows = reference.Length / width;
        for (var t = 0; t < pose.Length / width; t++)
        {
            var r = t % rows * width;
            for (var d = 0; d < width; d++)
            {
                pose[(t * width) + d] += reference[r + d] - reference[d];
            }
        }
    }
}
