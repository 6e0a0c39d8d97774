using SadTalker.Inference.Audio;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Audio;

public sealed class AudioFeatureExtractorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(199)]
    [InlineData(641)]
    [InlineData(5000)]
    [InlineData(100_000)]
    public void Append_InPieces_IsBitIdenticalToWholeBuffer(int piece)
    {
        var samples = AudioReference.SpeechClip();
        var mel = new float[161 * 80];
        MelSpectrogram.Compute(samples, mel);
        var dbfs = new float[50];
        LoudnessEnvelope.ComputeDbfs(samples, dbfs);

        var extractor = new AudioFeatureExtractor();
        for (var i = 0; i < samples.Length; i += piece)
        {
            extractor.Append(samples.AsSpan(i, Math.Min(piece, samples.Length - i)));
        }

        var features = extractor.Complete();

        Assert.Equal(50, features.FrameCount);
        Assert.Equal(161, features.StepCount);
        Assert.Equal(mel, features.Mel.ToArray());
        Assert.Equal(dbfs, features.LoudnessDbfs.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(2), features.Duration);
    }

    [Theory]
    [InlineData(0)]        // no hint: 1024-step blocks, joined by a copy
    [InlineData(2_000)]    // too small: a second block follows
    [InlineData(3_201)]    // exact (40 s = 1 000 frames = 3 201 steps): one block, returned without a copy
    [InlineData(9_000)]    // too large: one roomy block
    public void SizeHint_NeverChangesTheFeatures(int expectedSteps)
    {
        var clip = AudioReference.SpeechClip();
        var samples = new float[clip.Length * 20]; // 40 s, more than one default block
        for (var i = 0; i < 20; i++)
        {
            clip.CopyTo(samples, i * clip.Length);
        }

        var reference = AudioFeatureExtractor.Extract(samples);
        var hinted = expectedSteps == 0 ? new AudioFeatureExtractor() : new AudioFeatureExtractor(expectedSteps);
        for (var i = 0; i < samples.Length; i += 7_919)
        {
            hinted.Append(samples.AsSpan(i, Math.Min(7_919, samples.Length - i)));
        }

        var features = hinted.Complete();

        Assert.Equal(reference.StepCount, features.StepCount);
        Assert.True(reference.Mel.Span.SequenceEqual(features.Mel.Span), "bit-identical mel whatever the hint");
        Assert.True(reference.LoudnessDbfs.Span.SequenceEqual(features.LoudnessDbfs.Span));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(639)]
    [InlineData(640)]
    [InlineData(1300)]
    [InlineData(3200)]
    public void Extract_ShortInputs_MatchComputeAndCounts(int length)
    {
        var samples = AudioReference.SpeechClip()[4000..(4000 + length)];
        var frames = length / 640;

        var features = AudioFeatureExtractor.Extract(samples);

        Assert.Equal(frames, features.FrameCount);
        Assert.Equal(MelSpectrogram.StepCount(frames) * 80, features.Mel.Length);
        var mel = new float[features.Mel.Length];
        MelSpectrogram.Compute(samples, mel);
        Assert.Equal(mel, features.Mel.ToArray());
        Assert.Equal(frames, features.Loudness.Length);
    }

    [Fact]
    public void Complete_Twice_Throws()
    {
        var extractor = new AudioFeatureExtractor();
        extractor.Complete();
        Assert.Throws<InvalidOperationException>(() => extractor.Complete());
        Assert.Throws<InvalidOperationException>(() => extractor.Append(new float[1]));
    }

    [Fact]
    public async Task ExtractFromFileAsync_Wav_EqualsExtractOfPcmSamples()
    {
        // 16 kHz 16-bit PCM passes through ffmpeg unchanged (sample/32768), so the features must be identical.
        var (samples, _, _) = WavPcm16.Read(RepoPaths.Fixture("speech-en-10s.wav"));

        var fromFile = await AudioFeatureExtractor.ExtractFromFileAsync(RepoPaths.Fixture("speech-en-10s.wav"), CancellationToken.None);
        var fromSamples = AudioFeatureExtractor.Extract(samples);

        Assert.Equal(277, fromFile.FrameCount);
        Assert.Equal(fromSamples.Mel.ToArray(), fromFile.Mel.ToArray());
        Assert.Equal(fromSamples.LoudnessDbfs.ToArray(), fromFile.LoudnessDbfs.ToArray());
    }

    [Fact]
    public void Append_TenMinutes_AllocatesFeaturesNotSamples()
    {
        // 10 minutes streamed in 1 s pieces from one reused buffer. The samples alone would be 2 560 B per video frame;
        // the extractor keeps ~1 KiB of features per frame (arrays grow by doubling, so at most ~2 KiB allocated).
        const int seconds = 600;
        var piece = new float[16000];
        var extractor = new AudioFeatureExtractor();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var s = 0; s < seconds; s++)
        {
            for (var n = 0; n < piece.Length; n++)
            {
                piece[n] = 0.3f * MathF.Sin(2 * MathF.PI * (200 + s) * n / 16000f);
            }

            extractor.Append(piece);
        }

        var features = extractor.Complete();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(seconds * 25, features.FrameCount);
        var perFrame = (double)allocated / features.FrameCount;
        output.WriteLine($"10 min: {allocated / 1048576.0:F1} MiB allocated, {perFrame:F0} B per video frame");
        Assert.True(perFrame < 2300, $"{perFrame:F0} B allocated per video frame");
    }
}
