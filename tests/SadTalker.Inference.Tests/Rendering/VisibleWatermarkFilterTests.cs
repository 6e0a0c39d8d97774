using SadTalker.Inference.Rendering;

namespace SadTalker.Inference.Tests.Rendering;

public sealed class VisibleWatermarkFilterTests
{
    [Theory]
    [InlineData(WatermarkPosition.BottomRight, 512, 512, true, true)]
    [InlineData(WatermarkPosition.BottomLeft, 512, 342, false, true)]
    [InlineData(WatermarkPosition.TopRight, 1024, 1024, true, false)]
    [InlineData(WatermarkPosition.TopLeft, 640, 360, false, false)]
    public void Apply_GreyFrame_BrightensTextPixelsInTheCornerOnly(
        WatermarkPosition position, int width, int height, bool right, bool bottom)
    {
        var filter = new VisibleWatermarkFilter("Made with SadTalker Studio", position);
        var frame = Enumerable.Repeat((byte)100, width * height * 3).ToArray();

        filter.Begin(width, height, 1);
        filter.Apply(frame, 0);

        var (bx, by, bw, bh) = filter.Box;
        Assert.Equal(right, bx + (bw / 2) > width / 2);
        Assert.Equal(bottom, by + (bh / 2) > height / 2);
        Assert.InRange(bh, 0.02 * height, 0.045 * height); // ~3 %, in whole multiples of the 7-pixel font
        var brighter = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = frame[((y * width) + x) * 3];
                var inBox = x >= bx && x < bx + bw && y >= by && y < by + bh;
                Assert.True(inBox || v == 100, $"pixel ({x}, {y}) outside the text box changed");
                brighter += v > 150 ? 1 : 0;
            }
        }

        Assert.True(brighter > 100, $"{brighter} text pixels");
    }

    [Fact]
    public void Apply_Opacity_BlendsTowardsWhite()
    {
        var filter = new VisibleWatermarkFilter("I", WatermarkPosition.TopLeft, opacity: 0.5f);
        var frame = new byte[64 * 64 * 3];
        filter.Begin(64, 64, 1);

        filter.Apply(frame, 0);

        // Black under half-opaque white is mid grey; the shadow keeps black black.
        Assert.Contains(frame, v => v is >= 126 and <= 129);
        Assert.DoesNotContain(frame, v => v > 129);
    }

    [Fact]
    public void Begin_TextWiderThanTheFrame_ShrinksThenCuts()
    {
        var filter = new VisibleWatermarkFilter(new string('W', 200));
        filter.Begin(256, 256, 1);

        Assert.InRange(filter.Box.Width, 1, 0.9 * 256);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void Constructor_BadOpacity_Throws(float opacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VisibleWatermarkFilter("x", WatermarkPosition.TopLeft, opacity));

    [Fact]
    public void BitmapFont_EveryPrintableCharacterHasItsOwnGlyph()
    {
        var glyphs = new HashSet<string>();
        for (var c = ' '; c <= '~'; c++)
        {
            var bits = string.Concat(Enumerable.Range(0, 35).Select(i => BitmapFont.IsSet(c, i % 5, i / 5) ? '#' : '.'));
            Assert.True(glyphs.Add(bits), $"'{c}' looks like another character");
            Assert.Equal(c != ' ', bits.Contains('#'));
        }

        Assert.Equal(Enumerable.Range(0, 35).Select(i => BitmapFont.IsSet('?', i % 5, i / 5)), Enumerable.Range(0, 35).Select(i => BitmapFont.IsSet('é', i % 5, i / 5)));
    }
}
