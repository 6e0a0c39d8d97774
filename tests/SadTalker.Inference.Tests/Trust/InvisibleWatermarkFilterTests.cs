using SadTalker.Inference.Trust;

namespace SadTalker.Inference.Tests.Trust;

public sealed class InvisibleWatermarkFilterTests
{
    [Fact]
    public async Task Apply_TalkingHeadFrames_PsnrAtLeast40dBEveryFrame()
    {
        var source = await WatermarkClips.SourceAsync();
        var filter = new InvisibleWatermarkFilter(WatermarkPayload.FromJobId(Guid.NewGuid()));
        filter.Begin(WatermarkClips.Size, WatermarkClips.Size, 80);
        for (var t = 0; t < 80; t++)
        {
            var clean = WatermarkClips.Frame(source, t);
            var marked = clean.ToArray();
            filter.Apply(marked, t);

            var psnr = Psnr(clean, marked);
            Assert.True(psnr >= 40, $"frame {t}: PSNR {psnr:F2} dB");
            Assert.True(psnr < 60, $"frame {t}: PSNR {psnr:F2} dB - is the mark there at all?");
        }
    }

    [Fact]
    public void Apply_FlatGreyFrame_ChangesNoPixelByMoreThanTwoLevels()
    {
        const int width = 256, height = 192;
        var filter = new InvisibleWatermarkFilter(WatermarkPayload.FromJobId(Guid.NewGuid()));
        filter.Begin(width, height, 72);
        var changed = 0L;
        for (var t = 0; t < 72; t++)
        {
            var frame = Enumerable.Repeat((byte)128, width * height * 3).ToArray();
            filter.Apply(frame, t);
            Assert.All(frame, v => Assert.InRange(v, 126, 130));
            changed += frame.Count(v => v != 128);
        }

        Assert.True(changed > 0, "the mark must still be embedded on flat frames");
    }

    [Fact]
    public void Apply_TwoFramesOfAChip_AreOppositeDeltas()
    {
        const int width = 64, height = 48;
        var filter = new InvisibleWatermarkFilter(WatermarkPayload.FromJobId(Guid.NewGuid()));
        filter.Begin(width, height, 4);
        var first = Enumerable.Repeat((byte)100, width * height * 3).ToArray();
        var second = first.ToArray();
        filter.Apply(first, 0);
        filter.Apply(second, 1);

        Assert.All(first.Zip(second), p => Assert.Equal(200, p.First + p.Second));
        Assert.Contains(first, v => v != 100);
    }

    [Fact]
    public void Apply_WrongFrameSize_Throws()
    {
        var filter = new InvisibleWatermarkFilter(WatermarkPayload.FromJobId(Guid.NewGuid()));
        filter.Begin(16, 16, 1);
        Assert.Throws<ArgumentException>(() => filter.Apply(new byte[10], 0));
    }

    private static double Psnr(byte[] a, byte[] b)
    {
        var mse = a.Zip(b).Average(p => (double)(p.First - p.Second) * (p.First - p.Second));
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255 / mse);
    }
}
