using SadTalker.Inference.Imaging;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Rendering;

/// <summary>The fixed-point remap against a double-precision scalar reference of the documented formula.</summary>
public sealed class RemapKernelTests
{
    [Fact]
    public async Task BilinearRow_RandomMaps_WithinOneOfTheReference()
    {
        var image = await FfmpegImageDecoder.DecodeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None);
        var random = new Random(42);
        const int n = 4096;
        float[] mapX = new float[n], mapY = new float[n];
        for (var i = 0; i < n; i++)
        {
            // Include positions past every edge, which clamp.
            mapX[i] = (float)((random.NextDouble() * 530) - 9);
            mapY[i] = (float)((random.NextDouble() * 530) - 9);
        }

        var fast = new byte[n * 3];
        RemapKernel.BilinearRow(image.Pixels, 512, 512, mapX, mapY, fast);
        var reference = Reference(image.Pixels, 512, 512, mapX, mapY);

        var worst = fast.Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 0, 1);
    }

    [Fact]
    public void BilinearRow_IntegerPositions_CopyPixelsExactly()
    {
        var source = Enumerable.Range(0, 4 * 3 * 3).Select(i => (byte)(i * 7)).ToArray();
        float[] mapX = [0, 3, 2, 1], mapY = [0, 2, 1, 2];
        var row = new byte[12];

        RemapKernel.BilinearRow(source, 4, 3, mapX, mapY, row);

        for (var i = 0; i < 4; i++)
        {
            var p = (((int)mapY[i] * 4) + (int)mapX[i]) * 3;
            Assert.Equal(source.AsSpan(p, 3).ToArray(), row.AsSpan(i * 3, 3).ToArray());
        }
    }

    [Fact]
    public void BilinearRow_NaNAndShortSpans_HandledOrRefused()
    {
        var source = new byte[2 * 2 * 3];
        source[0] = 200;
        var row = new byte[3];

        RemapKernel.BilinearRow(source, 2, 2, [float.NaN], [float.NaN], row);

        Assert.Equal(200, row[0]);
        Assert.Throws<ArgumentException>(() => RemapKernel.BilinearRow(source, 2, 2, [0f, 0f], [0f], new byte[6]));
        Assert.Throws<ArgumentException>(() => RemapKernel.BilinearRow(source, 2, 2, [0f, 0f], [0f, 0f], new byte[3]));
        Assert.Throws<ArgumentException>(() => RemapKernel.BilinearRow(source, 3, 2, [0f], [0f], row));
    }

    /// <summary>The remarks' formula in doubles, one pixel at a time.</summary>
    private static byte[] Reference(byte[] src, int w, int h, float[] mapX, float[] mapY)
    {
        var dst = new byte[mapX.Length * 3];
        for (var i = 0; i < mapX.Length; i++)
        {
            var x = Math.Clamp((double)mapX[i], 0, w - 1);
            var y = Math.Clamp((double)mapY[i], 0, h - 1);
            int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
            int x1 = Math.Min(x0 + 1, w - 1), y1 = Math.Min(y0 + 1, h - 1);
            double fx = x - x0, fy = y - y0;
            for (var c = 0; c < 3; c++)
            {
                double P(int px, int py) => src[(((py * w) + px) * 3) + c];
                var v = ((1 - fy) * (((1 - fx) * P(x0, y0)) + (fx * P(x1, y0)))) + (fy * (((1 - fx) * P(x0, y1)) + (fx * P(x1, y1))));
                dst[(i * 3) + c] = (byte)Math.Round(v, MidpointRounding.AwayFromZero);
            }
        }

        return dst;
    }
}
