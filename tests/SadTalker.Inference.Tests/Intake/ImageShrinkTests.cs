using SadTalker.Inference.Imaging;
using SadTalker.Inference.Intake;

namespace SadTalker.Inference.Tests.Intake;

public sealed class ImageShrinkTests
{
    [Theory]
    [InlineData(512, 512, 256, 256, 256)]
    [InlineData(600, 400, 256, 256, 171)]
    [InlineData(400, 600, 256, 171, 256)]
    [InlineData(100, 50, 256, 100, 50)] // never upscaled
    [InlineData(5000, 1, 256, 256, 1)] // at least one pixel
    public void FitSize_KeepsAspectInsideTheBox(int w, int h, int box, int ew, int eh) =>
        Assert.Equal((ew, eh), ImageShrink.FitSize(w, h, box));

    [Fact]
    public void Fit_ExactHalving_IsTheTwoByTwoAverage()
    {
        var image = new RgbImage(4, 2);
        byte[] reds = [0, 100, 10, 20, 50, 200, 30, 40];
        for (var i = 0; i < reds.Length; i++)
        {
            image.Pixels[i * 3] = reds[i];
        }

        var half = ImageShrink.Fit(image, 2);

        Assert.Equal((2, 1), (half.Width, half.Height));
        Assert.Equal(88, half.Pixels[0]); // (0 + 100 + 50 + 200) / 4 = 87.5, rounded half up
        Assert.Equal(25, half.Pixels[3]); // (10 + 20 + 30 + 40) / 4
    }

    [Fact]
    public void Fit_FineStripes_AverageInsteadOfAliasing()
    {
        // Every fourth column white: the true 4:1 average is 255 / 4. One bilinear step samples columns 4x+1 and 4x+2,
        // which are both black, and would draw a black image.
        var image = new RgbImage(1024, 8);
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 1024; x += 4)
            {
                image.GetRow(y).Slice(x * 3, 3).Fill(255);
            }
        }

        var small = ImageShrink.Fit(image, 256);
        var direct = new byte[256 * 2 * 3];
        ImageResize.Bilinear(image.Pixels, 1024, 8, direct, 256, 2);

        Assert.Equal((256, 2), (small.Width, small.Height));
        Assert.All(small.Pixels, v => Assert.InRange(v, 63, 65));
        Assert.All(direct, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Fit_AlreadyInside_ReturnsTheSameImage()
    {
        var image = new RgbImage(100, 40);

        Assert.Same(image, ImageShrink.Fit(image, 256));
    }
}
