using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Imaging;

/// <summary>The PIL bicubic kernel against PIL itself (pil_resize_reference.py, Debian's python3-pil 9.4).</summary>
public sealed class PillowBicubicTests
{
    [Fact]
    public void Resize_NoiseToEverySize_EqualsPil_Exactly()
    {
        var (input, shape) = MotionReference.UInt8("pil_noise_input");
        var (sh, sw) = (shape[0], shape[1]);
        var sizes = MotionReference.Int32("pil_noise_sizes");
        var (expected, _) = MotionReference.UInt8("pil_noise_expected");
        var offset = 0;
        for (var i = 0; i < sizes.Length; i += 2)
        {
            var (dw, dh) = (sizes[i], sizes[i + 1]);
            var ours = new byte[dw * dh * 3];

            PillowBicubic.Resize(input, sw, sh, ours, dw, dh);

            var pil = expected.AsSpan(offset, ours.Length).ToArray();
            var differing = Enumerable.Range(0, ours.Length).Count(j => ours[j] != pil[j]);
            Assert.True(differing == 0, $"{sw}x{sh} -> {dw}x{dh}: {differing} of {ours.Length} values differ from PIL");
            offset += ours.Length;
        }

        Assert.Equal(expected.Length, offset);
    }

    [Theory]
    [InlineData(40, 30, 0, 0, 40, 30)] // the whole image
    [InlineData(40, 30, -7, -3, 24, 24)] // past the top-left corner: zero fill
    [InlineData(40, 30, 25, 20, 24, 24)] // past the bottom-right corner
    [InlineData(40, 30, 50, -40, 8, 8)] // entirely outside
    [InlineData(150, 90, 60, 10, 33, 17)] // upscale, inner window
    [InlineData(61, 20, -2, 3, 70, 10)] // width unchanged (no horizontal pass)
    [InlineData(13, 47, 1, -5, 12, 60)] // height unchanged (no vertical pass)
    public void ResizeWindow_EqualsTheSameWindowCutFromTheWholeResize(int dw, int dh, int left, int top, int ww, int wh)
    {
        var (input, shape) = MotionReference.UInt8("pil_noise_input");
        var (sh, sw) = (shape[0], shape[1]);
        var whole = new byte[dw * dh * 3];
        PillowBicubic.Resize(input, sw, sh, whole, dw, dh);
        var expected = new byte[ww * wh * 3];
        for (var y = 0; y < wh; y++)
        {
            for (var x = 0; x < ww; x++)
            {
                var (sx, sy) = (x + left, y + top);
                if (sx >= 0 && sx < dw && sy >= 0 && sy < dh)
                {
                    whole.AsSpan(((sy * dw) + sx) * 3, 3).CopyTo(expected.AsSpan(((y * ww) + x) * 3));
                }
            }
        }

        var window = Enumerable.Repeat((byte)77, ww * wh * 3).ToArray(); // stale content must be overwritten

        PillowBicubic.ResizeWindow(input, sw, sh, dw, dh, left, top, window, ww, wh);

        Assert.Equal(expected, window);
    }

    [Fact]
    public void ResizeWindow_ChecksSizesAndLengths()
    {
        var src = new byte[4 * 4 * 3];
        Assert.Throws<ArgumentOutOfRangeException>(() => PillowBicubic.Resize(src, 4, 4, new byte[3], 0, 1));
        Assert.Throws<ArgumentException>(() => PillowBicubic.Resize(src, 5, 4, new byte[2 * 2 * 3], 2, 2));
        Assert.Throws<ArgumentException>(() => PillowBicubic.ResizeWindow(src, 4, 4, 2, 2, 0, 0, new byte[5], 2, 2));
    }
}
