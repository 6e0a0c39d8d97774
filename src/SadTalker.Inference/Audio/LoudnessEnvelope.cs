namespace SadTalker.Inference.Audio;

/// <summary>
/// Per-video-frame loudness of 16 kHz audio: the RMS level of each frame's 640 samples in dBFS, and a 0..1 version
/// for UI meters and mouth-activity heuristics. Not part of SadTalker itself.
/// </summary>
/// <remarks>
/// For video frame i (0 .. ⌊N/640⌋−1) over the raw (not pre-emphasised) samples x:
/// <code>
/// rms_i  = sqrt((1/640) · Σ_{n=640i}^{640i+639} x[n]²)                  (sum in double)
/// dBFS_i = 20·log10(max(rms_i, 1e−5))                                   (so digital silence reads −100 dBFS)
/// norm_i = clamp((dBFS_i − (−60)) / ((−10) − (−60)), 0, 1)              (−60 dBFS and below → 0, −10 dBFS and above → 1)
/// </code>
/// Full scale is a sample value of ±1, so a full-scale square wave reads 0 dBFS and a full-scale sine −3.01 dBFS.
/// Speech at normal recording levels sits around −30..−15 dBFS, pauses below −50, hence the −60..−10 range.
/// </remarks>
public static class LoudnessEnvelope
{
    /// <summary>Level at and below which <see cref="Normalize(float)"/> gives 0.</summary>
    public const float QuietDbfs = -60f;

    /// <summary>Level at and above which <see cref="Normalize(float)"/> gives 1.</summary>
    public const float LoudDbfs = -10f;

    /// <summary>Floor of the dBFS scale: the level of an all-zero frame.</summary>
    public const float SilenceDbfs = -100f;

    /// <summary>Writes one dBFS value per complete 640-sample frame of <paramref name="samples"/>.</summary>
    /// <returns>The number of frames written, ⌊N/640⌋.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than ⌊N/640⌋.</exception>
    public static int ComputeDbfs(ReadOnlySpan<float> samples, Span<float> destination)
    {
        const int size = MelSpectrogram.SamplesPerFrame;
        var frames = samples.Length / size;
        if (destination.Length < frames)
        {
            throw new ArgumentException($"Destination is shorter than {frames} frames.", nameof(destination));
        }

        for (var i = 0; i < frames; i++)
        {
            var sumOfSquares = 0.0;
            foreach (var x in samples.Slice(i * size, size))
            {
                sumOfSquares += (double)x * x;
            }

            destination[i] = FromSumOfSquares(sumOfSquares);
        }

        return frames;
    }

    /// <summary>Maps dBFS values to 0..1 element-wise (see remarks).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="dbfs"/>.</exception>
    public static void Normalize(ReadOnlySpan<float> dbfs, Span<float> destination)
    {
        if (destination.Length < dbfs.Length)
        {
            throw new ArgumentException("Destination is shorter than the input.", nameof(destination));
        }

        for (var i = 0; i < dbfs.Length; i++)
        {
            destination[i] = Normalize(dbfs[i]);
        }
    }

    /// <summary>clamp((dBFS + 60) / 50, 0, 1).</summary>
    public static float Normalize(float dbfs) => Math.Clamp((dbfs - QuietDbfs) / (LoudDbfs - QuietDbfs), 0f, 1f);

    /// <summary>dBFS of one frame from Σx² over its 640 samples.</summary>
    internal static float FromSumOfSquares(double sumOfSquares)
    {
        var rms = Math.Sqrt(sumOfSquares / MelSpectrogram.SamplesPerFrame);
        return (float)(20.0 * Math.Log10(Math.Max(rms, 1e-5)));
    }
}
