using SadTalker.Inference.Intake;

namespace SadTalker.Inference.Tests.Intake;

public sealed class WaveformRendererTests
{
    private static readonly byte[] Background = [248, 250, 252];
    private static readonly byte[] Wave = [37, 99, 235];

    [Fact]
    public void ComputePeaks_SplitsIntoEqualColumns()
    {
        short[] samples = [0, -5, 7, 3, -100, 100, 1, 1, 2, -2];
        var min = new short[5];
        var max = new short[5];

        WaveformRenderer.ComputePeaks(samples, min, max);

        Assert.Equal(new short[] { -5, 3, -100, 1, -2 }, min);
        Assert.Equal(new short[] { 0, 7, 100, 1, 2 }, max);
    }

    [Fact]
    public void ComputePeaks_FewerSamplesThanColumns_StretchesThem()
    {
        short[] samples = [10, -20];
        var min = new short[4];
        var max = new short[4];

        WaveformRenderer.ComputePeaks(samples, min, max);

        Assert.Equal(new short[] { 10, 10, -20, -20 }, min);
        Assert.Equal(min, max);
    }

    [Fact]
    public void ComputePeaks_NoSamples_GivesZeros()
    {
        var min = new short[] { 1, 1 };
        var max = new short[] { 1, 1 };

        WaveformRenderer.ComputePeaks([], min, max);

        Assert.Equal(new short[2], min);
        Assert.Equal(new short[2], max);
    }

    [Fact]
    public void Draw_SilenceIsTheMiddleRowAndFullScaleFillsTheColumn()
    {
        const int Width = 2, Height = 5;
        short[] min = [0, short.MinValue];
        short[] max = [0, short.MaxValue];
        var rgb = new byte[Width * Height * 3];

        WaveformRenderer.Draw(min, max, rgb, Width, Height);

        for (var y = 0; y < Height; y++)
        {
            Assert.Equal(y == 2 ? Wave : Background, rgb.AsSpan(y * Width * 3, 3).ToArray());
            Assert.Equal(Wave, rgb.AsSpan((y * Width * 3) + 3, 3).ToArray());
        }
    }

    [Fact]
    public void Render_PositiveHalfWave_DrawsOnlyAboveTheMiddle()
    {
        var samples = Enumerable.Range(0, 16000).Select(i => (short)(i % 2 == 0 ? 16384 : 0)).ToArray();

        var image = WaveformRenderer.Render(samples);

        Assert.Equal((WaveformRenderer.DefaultWidth, WaveformRenderer.DefaultHeight), (image.Width, image.Height));
        var column = Enumerable.Range(0, image.Height).Select(y => image.GetRow(y)[..3].SequenceEqual(Wave)).ToArray();
        var top = Array.IndexOf(column, true);
        var bottom = Array.LastIndexOf(column, true);
        Assert.Equal((30, 60), (top, bottom)); // y(16384) = round(0.5 * 59.5) = 30, y(0) = round(59.5) = 60
    }

    [Fact]
    public void Draw_TooFewPeaks_Throws() =>
        Assert.Throws<ArgumentException>(() => WaveformRenderer.Draw(new short[1], new short[1], new byte[2 * 2 * 3], 2, 2));

    [Theory]
    [InlineData(800, 1_234_567)]
    [InlineData(800, 800)]
    [InlineData(800, 799)]
    [InlineData(7, 100_003)]
    public async Task ComputePeaksAsync_FromAStream_MatchesTheInMemoryColumns(int columns, int sampleCount)
    {
        var random = new Random(sampleCount);
        var samples = new short[sampleCount];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        short[] expectedMin = new short[columns], expectedMax = new short[columns], min = new short[columns], max = new short[columns];
        WaveformRenderer.ComputePeaks(samples, expectedMin, expectedMax);
        using var stream = new MemoryStream(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());
        await WaveformRenderer.ComputePeaksAsync(stream, sampleCount, min, max, CancellationToken.None);
        Assert.Equal(expectedMin, min);
        Assert.Equal(expectedMax, max);
    }
}
