using SadTalker.Inference.Audio;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;

namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>
/// Two numbers per 25 fps video frame of 16 kHz mono speech, accumulated while the audio streams in: the level
/// and the spectral tilt. 8 bytes per frame (120 KB for 10 minutes), unlike the full mel spectrogram (~1 KiB per
/// frame), so the built-in engine's memory stays flat in the audio length.
/// </summary>
/// <remarks>
/// For frame i over its 640 samples x[640i .. 640i+639]:
/// <code>
/// level_i = 20·log10(max(sqrt(Σx²/640), 1e−5))                      (dBFS, as <see cref="LoudnessEnvelope"/>)
/// y[n]    = x[n] − 0.97·x[n−1], x[−1] = 0                            (the SadTalker pre-emphasis, hparams.preemphasis)
/// tilt_i  = 10·log10((Σy² + ε) / (Σx² + ε)),  ε = 640·1e−10          (dB)
/// </code>
/// The pre-emphasis filter has gain |1 − 0.97·e^{−iω}|²: about −30 dB near 0 Hz and +6 dB at 8 kHz, so the tilt is
/// low for dark vowels ("oo", "o") and high for bright sounds ("ee", "s"); Studio Lite uses it for the mouth width.
/// The tail under one frame is dropped (⌊N/640⌋ frames), as SadTalker does.
/// </remarks>
internal sealed class SpeechAnalysis
{
    private const int FrameSize = MelSpectrogram.SamplesPerFrame;
    private const double Epsilon = FrameSize * 1e-10;

    private float[] _level = new float[256];
    private float[] _tilt = new float[256];
    private double _sumX;
    private double _sumY;
    private float _previous;
    private int _fill;

    /// <summary>Whole frames so far.</summary>
    public int FrameCount { get; private set; }

    /// <summary>Per-frame level in dBFS.</summary>
    public ReadOnlySpan<float> LevelDbfs => _level.AsSpan(0, FrameCount);

    /// <summary>Per-frame pre-emphasis tilt in dB.</summary>
    public ReadOnlySpan<float> TiltDb => _tilt.AsSpan(0, FrameCount);

    /// <summary>Streams <paramref name="path"/> through ffmpeg (16 kHz mono) and analyses it.</summary>
    public static async Task<SpeechAnalysis> AnalyseFileAsync(string path, MediaTool ffmpeg, CancellationToken cancellationToken)
    {
        await using var reader = AudioDecoder.Open(path, ffmpeg);
        var analysis = new SpeechAnalysis();
        var buffer = new float[AudioDecoder.SampleRate / 2];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            analysis.Append(buffer.AsSpan(0, read));
        }

        return analysis;
    }

    /// <summary>Analyses samples as they arrive; frames complete every 640 samples.</summary>
    public void Append(ReadOnlySpan<float> samples)
    {
        foreach (var x in samples)
        {
            var y = x - (0.97f * _previous);
            _previous = x;
            _sumX += (double)x * x;
            _sumY += (double)y * y;
            if (++_fill < FrameSize)
            {
                continue;
            }

            if (FrameCount == _level.Length)
            {
                Array.Resize(ref _level, _level.Length * 2);
                Array.Resize(ref _tilt, _tilt.Length * 2);
            }

            _level[FrameCount] = LoudnessEnvelope.FromSumOfSquares(_sumX);
            _tilt[FrameCount] = (float)(10 * Math.Log10((_sumY + Epsilon) / (_sumX + Epsilon)));
            FrameCount++;
            _sumX = _sumY = 0;
            _fill = 0;
        }
    }
}
