using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Audio;

/// <summary>Paths of the fixtures written by Reference/mel_reference.py (an independent numpy implementation).</summary>
internal static class AudioReference
{
    /// <summary>The reference covers the first 32 300 samples of speech-en-10s.wav: 50 frames after the ⌊N/640⌋ cut.</summary>
    public const int ClipSamples = 32300;

    public static string File(string name) =>
        Path.Combine(RepoPaths.RepoRoot, "tests", "SadTalker.Inference.Tests", "Audio", "Reference", name);

    /// <summary>speech-en-10s.wav read without ffmpeg (int16/32768), cut to <see cref="ClipSamples"/>.</summary>
    public static float[] SpeechClip()
    {
        var (samples, rate, channels) = WavPcm16.Read(RepoPaths.Fixture("speech-en-10s.wav"));
        Assert.Equal((16000, 1), (rate, channels));
        return samples[..ClipSamples];
    }
}
