namespace SadTalker.Inference.Audio;

/// <summary>
/// Everything the render pipeline needs from the driving audio: the SadTalker mel spectrogram and the loudness
/// envelope, both aligned to 25 fps video frames. About 1 KiB per video frame (T_mel·80 floats ≈ 3.2·80·4 bytes per
/// frame, plus two floats of loudness), independent of how the audio was stored.
/// </summary>
public sealed class AudioFeatures
{
    private readonly float[] _loudness;

    /// <param name="frameCount">F, the number of 25 fps video frames.</param>
    /// <param name="mel">(T_mel × 80) as <see cref="MelSpectrogram.Compute"/> writes it, T_mel = <see cref="MelSpectrogram.StepCount"/>(F).</param>
    /// <param name="loudnessDbfs">F values from <see cref="LoudnessEnvelope.ComputeDbfs"/>.</param>
    /// <exception cref="ArgumentException">A length does not match <paramref name="frameCount"/>.</exception>
    public AudioFeatures(int frameCount, ReadOnlyMemory<float> mel, ReadOnlyMemory<float> loudnessDbfs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        var steps = MelSpectrogram.StepCount(frameCount);
        if (mel.Length != (long)steps * MelSpectrogram.MelBands)
        {
            throw new ArgumentException(
                $"{frameCount} frames need {steps}x{MelSpectrogram.MelBands} mel values, got {mel.Length}.", nameof(mel));
        }

        if (loudnessDbfs.Length != frameCount)
        {
            throw new ArgumentException(
                $"{frameCount} frames need {frameCount} loudness values, got {loudnessDbfs.Length}.", nameof(loudnessDbfs));
        }

        FrameCount = frameCount;
        StepCount = steps;
        Mel = mel;
        LoudnessDbfs = loudnessDbfs;
        _loudness = new float[frameCount];
        LoudnessEnvelope.Normalize(loudnessDbfs.Span, _loudness);
    }

    /// <summary>F: video frames at 25 fps (⌊samples/640⌋).</summary>
    public int FrameCount { get; }

    /// <summary>T_mel = 1 + ⌊16·F/5⌋: rows of <see cref="Mel"/>.</summary>
    public int StepCount { get; }

    /// <summary>Video duration these features drive: F/25 s.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)FrameCount / MelSpectrogram.FramesPerSecond);

    /// <summary>Normalised Slaney mel spectrogram, (T_mel × 80) row-major, values in [−4, 4].</summary>
    public ReadOnlyMemory<float> Mel { get; }

    /// <summary>Per-frame RMS level in dBFS (see <see cref="LoudnessEnvelope"/>).</summary>
    public ReadOnlyMemory<float> LoudnessDbfs { get; }

    /// <summary>Per-frame loudness mapped to 0..1 (−60 dBFS → 0, −10 dBFS → 1).</summary>
    public ReadOnlyMemory<float> Loudness => _loudness;

    /// <summary>Writes the (80 × 16) windows of frames [firstFrame, endFrame) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside [0, F].</exception>
    public void FillMelWindows(int firstFrame, int endFrame, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endFrame, FrameCount);
        MelWindows.Fill(Mel.Span, StepCount, firstFrame, endFrame, destination);
    }
}
