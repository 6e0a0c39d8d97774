namespace SadTalker.Inference.Audio;

/// <summary>
/// The SadTalker (Wav2Lip) normalised Slaney mel spectrogram of 16 kHz mono audio
/// (OpenTalker/SadTalker cd4c046: src/utils/audio.py, src/utils/hparams.py, src/generate_batch.py).
/// </summary>
/// <remarks>
/// For N input samples x:
/// <code>
/// F     = ⌊N/640⌋ video frames (25 fps); x is cut to L = 640·F samples (the tail under 40 ms is dropped)
/// y[n]  = x[n] − 0.97·x[n−1], x[−1] = 0                                   (pre-emphasis)
/// T_mel = 1 + ⌊L/200⌋ = 1 + ⌊16·F/5⌋ (= 1 + ⌊3.2·F⌋, computed in integers)  (STFT frames with centre padding)
/// X[t,k] = Σ_{n=0}^{799} y[200t − 400 + n] · w[n] · exp(−2πi·k·n/800),  y = 0 outside [0, L)
///          w[n] = 0.5 − 0.5·cos(2πn/800) (periodic Hann), k = 0 .. 400
/// M[t,b] = Σ_k W[b,k] · |X[t,k]|        W = <see cref="SlaneyMelFilterbank"/> (sr 16000, n_fft 800, 80 bands, 55–7600 Hz)
/// S      = 20·log10(max(1e−5, M)) − 20
/// out[t,b] = clip(8·(S + 100)/100 − 4, −4, 4)
/// </code>
/// The output is (T_mel × 80), row-major: row t holds the 80 bands of STFT frame t. Pre-emphasis and the DFT run in
/// double precision (an FFT, two real frames per complex transform); filters and the output are float32.
/// </remarks>
public static class MelSpectrogram
{
    /// <summary>Input sample rate (hparams.sample_rate).</summary>
    public const int SampleRate = 16000;

    /// <summary>Video frame rate the features are cut for (generate_batch.py, fps 25).</summary>
    public const int FramesPerSecond = 25;

    /// <summary>Samples per video frame: 16000 / 25.</summary>
    public const int SamplesPerFrame = SampleRate / FramesPerSecond;

    /// <summary>STFT size and window length (hparams n_fft, win_size).</summary>
    public const int FftSize = 800;

    /// <summary>STFT hop (hparams hop_size).</summary>
    public const int HopLength = 200;

    /// <summary>Non-negative frequency bins: n_fft/2 + 1.</summary>
    public const int FrequencyBins = (FftSize / 2) + 1;

    /// <summary>Mel bands (hparams num_mels).</summary>
    public const int MelBands = 80;

    /// <summary>Lowest and highest filter edge in Hz (hparams fmin, fmax).</summary>
    public const double MinFrequency = 55.0;

    /// <inheritdoc cref="MinFrequency"/>
    public const double MaxFrequency = 7600.0;

    /// <summary>Pre-emphasis coefficient (hparams preemphasis).</summary>
    public const double PreEmphasis = 0.97;

    /// <summary>Symmetric clip bound of the normalised output (hparams max_abs_value).</summary>
    public const float MaxAbsValue = 4f;

    /// <summary>Video frames for <paramref name="sampleCount"/> samples: ⌊N/640⌋.</summary>
    public static int FrameCount(long sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        return checked((int)(sampleCount / SamplesPerFrame));
    }

    /// <summary>STFT frames (mel steps) for <paramref name="frameCount"/> video frames: 1 + ⌊640·F/200⌋.</summary>
    public static int StepCount(int frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        return 1 + checked((int)((long)frameCount * SamplesPerFrame / HopLength));
    }

    /// <summary>Computes the whole (T_mel × 80) spectrogram of <paramref name="samples"/> into <paramref name="destination"/>.</summary>
    /// <returns>T_mel, the number of rows written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than T_mel·80.</exception>
    public static int Compute(ReadOnlySpan<float> samples, Span<float> destination)
    {
        var frames = FrameCount(samples.Length);
        var steps = StepCount(frames);
        if (destination.Length < (long)steps * MelBands)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} values; {steps}x{MelBands} are needed for {samples.Length} samples.",
                nameof(destination));
        }

        new MelStepKernel().ComputeSteps(samples, 0, (long)frames * SamplesPerFrame, 0, steps, destination);
        return steps;
    }
}
