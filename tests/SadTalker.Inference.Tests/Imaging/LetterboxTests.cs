using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Tests.Imaging;

public sealed class LetterboxTests
{
    [Fact]
    public void Fit_WideImage_CentresVerticallyWithBlackBands()
    {
        var image = Solid(200, 100, 10, 200, 30);
        var square = Enumerable.Repeat((byte)99, 64 * 64 * 3).ToArray();

        var transform = Letterbox.Fit(image, 64, square);

        Assert.Equal(new LetterboxTransform(0.32f, 0.32f, 0, 16, 64), transform);
        for (var y = 0; y < 64; y++)
        {
            var row = square.AsSpan(y * 64 * 3, 64 * 3).ToArray();
            byte[] expected = y is >= 16 and < 48 ? [10, 200, 30] : [0, 0, 0];
            Assert.All(row.Chunk(3), px => Assert.Equal(expected, px));
        }
    }

    [Fact]
    public void Fit_TallImage_CentresHorizontally()
    {
        var transform = Letterbox.Fit(Solid(30, 120, 1, 2, 3), 128, new byte[128 * 128 * 3]);

        Assert.Equal(32f / 30, transform.ScaleX, 5);
        Assert.Equal(128f / 120, transform.ScaleY, 5);
        Assert.Equal((48, 0), (transform.OffsetX, transform.OffsetY));
    }

    [Fact]
    public void Transform_MapsSquareCornersBackToImageCorners()
    {
        var transform = Letterbox.Fit(Solid(600, 400, 0, 0, 0), 128, new byte[128 * 128 * 3]);

        var (x0, y0) = transform.ToSource(transform.OffsetX, transform.OffsetY);
        var (x1, y1) = transform.NormalizedToSource(1f, (transform.OffsetY + (400 * transform.ScaleY)) / 128f);

        Assert.Equal(0, x0, 3);
        Assert.Equal(0, y0, 3);
        Assert.Equal(600, x1, 3);
        Assert.Equal(400, y1, 3);
    }

    private static RgbImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 3)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]) = (r, g, b);
        }

        return image;
    }
}
