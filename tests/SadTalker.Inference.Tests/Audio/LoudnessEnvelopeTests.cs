using SadTalker.Inference.Audio;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Audio;

public sealed class LoudnessEnvelopeTests
{
    [Fact]
    public void ComputeDbfs_KnownSignals()
    {
        var samples = new float[4 * 640 + 300];
        for (var n = 0; n < 640; n++)
        {
            samples[n] = n % 2 == 0 ? 1f : -1f;                       // full-scale square: 0 dBFS
            samples[640 + n] = MathF.Sin(2 * MathF.PI * 1000 * n / 16000); // full-scale sine: −3.01 dBFS
            samples[1280 + n] = 0.01f;                                 // DC 0.01: −40 dBFS
        }

        var dbfs = new float[5];
        Assert.Equal(4, LoudnessEnvelope.ComputeDbfs(samples, dbfs));

        Assert.Equal(0f, dbfs[0], 4);
        Assert.Equal(-3.0103f, dbfs[1], 3);
        Assert.Equal(-40f, dbfs[2], 4);
        Assert.Equal(LoudnessEnvelope.SilenceDbfs, dbfs[3]);
    }

    [Theory]
    [InlineData(-100f, 0f)]
    [InlineData(-60f, 0f)]
    [InlineData(-35f, 0.5f)]
    [InlineData(-10f, 1f)]
    [InlineData(0f, 1f)]
    public void Normalize_MapsMinus60ToMinus10OntoZeroToOne(float dbfs, float normalized) =>
        Assert.Equal(normalized, LoudnessEnvelope.Normalize(dbfs), 6);

    [Fact]
    public void ComputeDbfs_SpeechClip_MatchesNumpyReference_WithinOneEMinus3Db()
    {
        var (expected, _) = NpyFile.ReadFloat32(AudioReference.File("speech-en-10s_32300_loudness_dbfs.npy"));
        var actual = new float[50];

        Assert.Equal(50, LoudnessEnvelope.ComputeDbfs(AudioReference.SpeechClip(), actual));

        for (var i = 0; i < 50; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-3, $"frame {i}: {actual[i]} vs {expected[i]} dBFS");
        }
    }
}
