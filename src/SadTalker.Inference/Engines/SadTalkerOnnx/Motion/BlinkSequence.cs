namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>The per-frame eye-blink ratio ExpNet takes (sadtalker-facts.md §5, <c>generate_blink_seq_randomly</c>).</summary>
/// <remarks>
/// <code>
/// ratio = 0 everywhere; if F ≤ 20 stop.  pos = 0; repeat:
///   g uniform over the integers [10, min(⌊F/2⌋, 70) − 1]
///   if pos + g + 5 ≤ F − 1: ratio[pos+g .. pos+g+4] = [0.5, 0.9, 1.0, 0.9, 0.5]; pos += g + 5   else stop
/// </code>
/// The reference draws g with Python's unseeded <c>random</c>, so runs differ; here the caller's
/// <see cref="Random"/> makes a seeded run reproducible (the sequences differ from Python's, the distribution does not).
/// F = 21 makes the reference's range empty and raise; here it simply has no blinks.
/// </remarks>
public static class BlinkSequence
{
    /// <summary>Ratio profile of one blink, five frames.</summary>
    public static ReadOnlySpan<float> Profile => [0.5f, 0.9f, 1.0f, 0.9f, 0.5f];

    /// <summary>Fills <paramref name="destination"/> (one value per video frame) with random blinks.</summary>
    public static void Generate(Random random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        destination.Clear();
        var frames = destination.Length;
        var gapEnd = Math.Min(frames / 2, 70); // exclusive upper bound of the gap
        if (frames <= 20 || gapEnd <= 10)
        {
            return;
        }

        var pos = 0;
        while (true)
        {
            var gap = random.Next(10, gapEnd);
            if (pos + gap + Profile.Length > frames - 1)
            {
                return;
            }

            Profile.CopyTo(destination[(pos + gap)..]);
            pos += gap + Profile.Length;
        }
    }

    /// <summary>"No blink": all zeros, as with a reference eye-blink video (§5: ratio set to zeros).</summary>
    public static void None(Span<float> destination) => destination.Clear();
}
