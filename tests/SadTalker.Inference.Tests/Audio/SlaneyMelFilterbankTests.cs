using System.Globalization;
using SadTalker.Inference.Audio;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Audio;

public sealed class SlaneyMelFilterbankTests
{
    private const int Bins = 401;

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(55.0, 0.825)]
    [InlineData(200.0, 3.0)]
    [InlineData(1000.0, 15.0)]
    [InlineData(6400.0, 42.0)]
    public void HzToMel_KnownSlaneyValues(double hz, double mel)
    {
        Assert.Equal(mel, SlaneyMelFilterbank.HzToMel(hz), 12);
        Assert.Equal(hz, SlaneyMelFilterbank.MelToHz(mel), 9);
    }

    [Fact]
    public void MelFrequencies_MatchNumpyReferenceEdges_WithinOneEMinus9Hz()
    {
        var expected = NpyFile.ReadFloat64(AudioReference.File("slaney_mel_16000_80_edges_hz.npy"));
        var actual = new double[82];

        SlaneyMelFilterbank.MelFrequencies(55, 7600, actual);

        Assert.Equal(82, expected.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-9, $"edge {i}: {actual[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Create_MatchesNumpyReference_WithinOneEMinus8()
    {
        var expected = new double[80 * Bins];
        foreach (var line in File.ReadLines(AudioReference.File("slaney_mel_16000_800_80.csv")).Skip(2))
        {
            var parts = line.Split(',');
            var band = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var bin = int.Parse(parts[1], CultureInfo.InvariantCulture);
            expected[(band * Bins) + bin] = double.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        var actual = new float[80 * Bins];
        SlaneyMelFilterbank.Create(16000, 800, 80, 55, 7600, actual);

        // Weights peak near 0.03; float32 storage alone rounds by ~2e-9. Zeros must stay exactly zero.
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-8, $"band {i / Bins} bin {i % Bins}: {actual[i]} vs {expected[i]}");
            Assert.Equal(expected[i] == 0, actual[i] == 0);
        }
    }

    [Fact]
    public void Create_SlaneyNorm_GivesEachTriangleUnitAreaInHertz()
    {
        // Area normalisation: Σ_k w[m,k] · Δf ≈ 1 for triangles spanning many bins (Δf = 20 Hz here).
        var weights = new float[80 * Bins];
        SlaneyMelFilterbank.Create(16000, 800, 80, 55, 7600, weights);

        for (var m = 40; m < 80; m++)
        {
            var area = weights.AsSpan(m * Bins, Bins).ToArray().Sum(w => (double)w) * 20.0;
            Assert.InRange(area, 0.97, 1.03);
        }
    }

    [Fact]
    public void Create_RejectsBadArguments()
    {
        Assert.Throws<ArgumentException>(() => SlaneyMelFilterbank.Create(16000, 800, 80, 55, 7600, new float[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaneyMelFilterbank.Create(16000, 800, 80, 100, 50, new float[80 * Bins]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaneyMelFilterbank.Create(16000, 800, 80, 55, 9000, new float[80 * Bins]));
    }
}
