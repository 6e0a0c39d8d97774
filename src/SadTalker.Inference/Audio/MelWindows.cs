namespace SadTalker.Inference.Audio;

/// <summary>
/// Cuts the per-video-frame mel windows SadTalker feeds ExpNet and PoseVAE
/// (OpenTalker/SadTalker cd4c046, src/generate_batch.py: <c>crop_mel</c> loop, <c>indiv_mels</c>).
/// </summary>
/// <remarks>
/// For video frame i (0 .. F−1), with T_mel mel steps:
/// <code>
/// start_i = trunc(80.0 · ((i − 2) / 25.0))      in double, truncated toward zero: i=0 → −6, 1 → −3, 2 → 0, 3 → 3
/// step_s  = clamp(start_i + s, 0, T_mel − 1),    s = 0 .. 15
/// window_i[b, s] = mel[step_s, b]                (80 bands × 16 steps: the transposed (16, 80) slice, as SadTalker stores it)
/// </code>
/// A window spans 200 ms starting 80 ms before frame i; edge frames repeat the first or last mel step.
/// </remarks>
public static class MelWindows
{
    /// <summary>Mel steps per window (syncnet_mel_step_size).</summary>
    public const int Steps = 16;

    /// <summary>Floats per window: 80 × 16.</summary>
    public const int WindowLength = MelSpectrogram.MelBands * Steps;

    /// <summary>First (unclamped) mel step of video frame <paramref name="frame"/>'s window.</summary>
    public static int Start(int frame) =>
        (int)(80.0 * ((frame - 2) / (double)MelSpectrogram.FramesPerSecond));

    /// <summary>
    /// Writes the windows of frames [<paramref name="firstFrame"/>, <paramref name="endFrame"/>) one after another
    /// into <paramref name="destination"/>, each (80 × 16) row-major.
    /// </summary>
    /// <param name="mel">The (T_mel × 80) spectrogram from <see cref="MelSpectrogram.Compute"/>.</param>
    /// <param name="stepCount">T_mel; the rows of <paramref name="mel"/> that are valid.</param>
    /// <exception cref="ArgumentOutOfRangeException">The frame range is negative or reversed, or stepCount is not positive.</exception>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public static void Fill(ReadOnlySpan<float> mel, int stepCount, int firstFrame, int endFrame, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepCount);
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrame);
        ArgumentOutOfRangeException.ThrowIfLessThan(endFrame, firstFrame);
        const int bands = MelSpectrogram.MelBands;
        if (mel.Length < (long)stepCount * bands)
        {
            throw new ArgumentException($"Mel holds {mel.Length} values, fewer than {stepCount}x{bands}.", nameof(mel));
        }

        if (destination.Length < (long)(endFrame - firstFrame) * WindowLength)
        {
            throw new ArgumentException(
                $"Destination is shorter than {endFrame - firstFrame} windows of {bands}x{Steps}.", nameof(destination));
        }

        for (var frame = firstFrame; frame < endFrame; frame++)
        {
            var window = destination.Slice((frame - firstFrame) * WindowLength, WindowLength);
            var start = Start(frame);
            for (var s = 0; s < Steps; s++)
            {
                var row = mel.Slice(Math.Clamp(start + s, 0, stepCount - 1) * bands, bands);
                for (var b = 0; b < bands; b++)
                {
                    window[(b * Steps) + s] = row[b];
                }
            }
        }
    }
}
