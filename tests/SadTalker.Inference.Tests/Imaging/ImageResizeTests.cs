using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Tests.Imaging;

public sealed class ImageResizeTests
{
    [Fact]
    public void Bilinear_SameSize_IsIdentity()
    {
        var src = RandomBytes(13 * 9 * 3, seed: 1);
        var dst = new byte[src.Length];

        ImageResize.Bilinear(src, 13, 9, dst, 13, 9);

        Assert.Equal(src, dst);
    }

    [Fact]
    public void Bilinear_2x2To4x4_MatchesHalfPixelWeights()
    {
        // One channel varies: 0 and 100 on the top row, 200 and 40 below; the others stay constant.
        byte[] src = [0, 7, 9, 100, 7, 9, 200, 7, 9, 40, 7, 9];
        var dst = new byte[4 * 4 * 3];

        ImageResize.Bilinear(src, 2, 2, dst, 4, 4);

        // Half-pixel centres put destination columns/rows at source 0 (clamped), 0.25, 0.75, 1 (clamped).
        int[] expected =
        [
            0, 25, 75, 100,
            50, 59, 76, 85, // 0.75 * row 0 + 0.25 * row 3: 58.75, 76.25 round to nearest
            150, 126, 79, 55, // 0.25 * row 0 + 0.75 * row 3
            200, 160, 80, 40,
        ];
        Assert.Equal(expected, Enumerable.Range(0, 16).Select(i => (int)dst[i * 3]));
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal((7, 9), (dst[(i * 3) + 1], dst[(i * 3) + 2])));
    }

    [Theory]
    [InlineData(512, 512, 128, 128)]
    [InlineData(600, 400, 128, 85)]
    [InlineData(7, 5, 31, 19)]
    [InlineData(1, 1, 4, 3)]
    [InlineData(40, 3, 1, 1)]
    public void Bilinear_MatchesNaiveReference(int sw, int sh, int dw, int dh)
    {
        var src = RandomBytes(sw * sh * 3, seed: sw * 31 + dh);
        var fast = new byte[dw * dh * 3];
        var naive = new byte[dw * dh * 3];

        ImageResize.Bilinear(src, sw, sh, fast, dw, dh);
        NaiveBilinear(src, sw, sh, naive, dw, dh);

        // Float versus double arithmetic may round a value sitting on .5 differently: one level at most.
        var worst = fast.Zip(naive, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1, $"max difference {worst}");
    }

    [Fact]
    public void Bilinear_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentException>(() => ImageResize.Bilinear(new byte[12], 2, 2, new byte[47], 4, 4));
        Assert.Throws<ArgumentException>(() => ImageResize.Bilinear(new byte[11], 2, 2, new byte[48], 4, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageResize.Bilinear(new byte[12], 2, 2, new byte[48], 0, 4));
    }

    /// <summary>The documented formula, pixel by pixel in double precision.</summary>
    private static void NaiveBilinear(byte[] src, int sw, int sh, byte[] dst, int dw, int dh)
    {
        for (var y = 0; y < dh; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * sh / dh) - 0.5, 0, sh - 1);
            int y0 = (int)Math.Floor(sy), y1 = Math.Min(y0 + 1, sh - 1);
            var fy = sy - y0;
            for (var x = 0; x < dw; x++)
            {
                var sx = Math.Clamp(((x + 0.5) * sw / dw) - 0.5, 0, sw - 1);
                int x0 = (int)Math.Floor(sx), x1 = Math.Min(x0 + 1, sw - 1);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    double P(int yy, int xx) => src[(((yy * sw) + xx) * 3) + c];
                    var v = ((1 - fy) * (((1 - fx) * P(y0, x0)) + (fx * P(y0, x1))))
                        + (fy * (((1 - fx) * P(y1, x0)) + (fx * P(y1, x1))));
                    dst[(((y * dw) + x) * 3) + c] = (byte)Math.Round(v, MidpointRounding.AwayFromZero);
                }
            }
        }
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
