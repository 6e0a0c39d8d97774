namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>Per-frame free-view angles from <c>--input_yaw/pitch/roll</c> keyframes (sadtalker-facts.md §7 free view).</summary>
/// <remarks>
/// One value: constant. Values v_0..v_n: step = Σ|v_{j+1} − v_j| / (T − 1) degrees per frame; each segment is
/// numpy's <c>arange(v_j, v_{j+1}, ±step)</c> (half-open: the end is excluded), the segments are concatenated,
/// then truncated to T or padded with the last generated value. arange is reproduced exactly: length
/// ⌈(stop − start)/Δ⌉ and values start + i·Δ with Δ = (start + step) − start, as numpy fills doubles.
/// Equal consecutive values make the reference divide by zero; here such a segment contributes no frames.
/// </remarks>
public static class FreeViewPath
{
    /// <summary>Fills <paramref name="destination"/> (one angle in degrees per frame).</summary>
    /// <exception cref="ArgumentException">No keyframes.</exception>
    public static void Build(IReadOnlyList<int> keyframes, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(keyframes);
        if (keyframes.Count == 0)
        {
            throw new ArgumentException("At least one angle is needed.", nameof(keyframes));
        }

        var frames = destination.Length;
        if (keyframes.Count == 1 || frames < 2)
        {
            destination.Fill(keyframes[0]);
            return;
        }

        double total = 0;
        for (var j = 1; j < keyframes.Count; j++)
        {
            total += Math.Abs(keyframes[j] - keyframes[j - 1]);
        }

        var perFrame = total / (frames - 1);
        var written = 0;
        for (var j = 1; j < keyframes.Count && written < frames; j++)
        {
            double start = keyframes[j - 1], stop = keyframes[j];
            if (start == stop)
            {
                continue;
            }

            var step = perFrame * Math.Sign(stop - start);
            var count = (int)Math.Ceiling((stop - start) / step);
            var delta = start + step - start;
            for (var i = 0; i < count && written < frames; i++)
            {
                destination[written++] = (float)(i == 1 ? start + step : start + (i * delta));
            }
        }

        var last = written > 0 ? destination[written - 1] : keyframes[^1];
        destination[written..].Fill(last);
    }
}
