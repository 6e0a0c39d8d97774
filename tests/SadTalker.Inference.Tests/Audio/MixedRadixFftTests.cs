using SadTalker.Inference.Audio;

namespace SadTalker.Inference.Tests.Audio;

public sealed class MixedRadixFftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(25)]
    [InlineData(30)]
    [InlineData(49)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(243)]
    [InlineData(400)]
    [InlineData(800)]
    [InlineData(1000)]
    [InlineData(1009)]
    public void Forward_MatchesNaiveDft_WithinOneEMinus9(int n)
    {
        var random = new Random(n);
        var re = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var (expectedRe, expectedIm) = NaiveDft.Forward(re, im);
        var outRe = new double[n];
        var outIm = new double[n];

        new MixedRadixFft(n).Forward(re, im, outRe, outIm);

        // Values reach ~sqrt(n); double rounding over log(n) stages stays far below 1e-9.
        for (var k = 0; k < n; k++)
        {
            Assert.True(Math.Abs(outRe[k] - expectedRe[k]) <= 1e-9, $"n={n} Re[{k}]: {outRe[k]} vs {expectedRe[k]}");
            Assert.True(Math.Abs(outIm[k] - expectedIm[k]) <= 1e-9, $"n={n} Im[{k}]: {outIm[k]} vs {expectedIm[k]}");
        }
    }

    [Fact]
    public void Forward_Impulse_GivesFlatSpectrum()
    {
        var re = new double[800];
        re[0] = 1;
        var outRe = new double[800];
        var outIm = new double[800];

        new MixedRadixFft(800).Forward(re, new double[800], outRe, outIm);

        Assert.All(outRe, v => Assert.Equal(1.0, v, 12));
        Assert.All(outIm, v => Assert.Equal(0.0, v, 12));
    }

    [Fact]
    public void Forward_ShortSpan_Throws()
    {
        var fft = new MixedRadixFft(8);
        Assert.Throws<ArgumentException>(() => fft.Forward(new double[8], new double[8], new double[7], new double[8]));
    }
}
