using System.Globalization;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Intake;

public sealed class ImageOrientationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>ffmpeg's filter that turns a stored image with this EXIF orientation upright.</summary>
    public static string FfmpegFilter(int orientation) => orientation switch
    {
        1 => "null",
        2 => "hflip",
        3 => "hflip,vflip",
        4 => "vflip",
        5 => "transpose=0",
        6 => "transpose=1",
        7 => "transpose=3",
        _ => "transpose=2",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Apply_MatchesFfmpegFilter(int orientation)
    {
        const int Width = 7, Height = 5;
        var source = new byte[Width * Height * 3];
        new Random(orientation).NextBytes(source);
        var raw = _temp.File("in.rgb");
        await File.WriteAllBytesAsync(raw, source);
        var expected = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}"),
             "-i", raw, "-vf", FfmpegFilter(orientation), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
            CancellationToken.None);

        var actual = new byte[source.Length];
        ImageOrientation.Apply(source, Width, Height, orientation, actual);

        Assert.Equal(expected.StandardOutput, actual);
    }

    // Which stored corner ends up top-left once displayed (EXIF 2.32, tag 0x0112).
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 2, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(4, 0, 1)]
    [InlineData(5, 0, 0)]
    [InlineData(6, 0, 1)]
    [InlineData(7, 2, 1)]
    [InlineData(8, 2, 0)]
    public void Apply_PutsTheRightCornerTopLeft(int orientation, int storedX, int storedY)
    {
        var image = new RgbImage(3, 2);
        for (var i = 0; i < 6; i++)
        {
            image.Pixels[i * 3] = (byte)(10 * i); // red = 10 * (y * 3 + x)
        }

        var upright = ImageOrientation.Apply(image, orientation);

        Assert.Equal(orientation >= 5 ? (2, 3) : (3, 2), (upright.Width, upright.Height));
        Assert.Equal(10 * ((storedY * 3) + storedX), upright.Pixels[0]);
    }

    [Fact]
    public void Apply_OrientationOne_ReturnsTheSameImage()
    {
        var image = new RgbImage(2, 2);

        Assert.Same(image, ImageOrientation.Apply(image, 1));
    }

    [Fact]
    public void Apply_BadArguments_Throw()
    {
        var buffer = new byte[12];

        Assert.Throws<ArgumentOutOfRangeException>(() => ImageOrientation.Apply(buffer, 2, 2, 0, new byte[12]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageOrientation.Apply(buffer, 2, 2, 9, new byte[12]));
        Assert.Throws<ArgumentException>(() => ImageOrientation.Apply(buffer, 2, 2, 6, new byte[11]));
        Assert.Throws<ArgumentException>(() => ImageOrientation.Apply(buffer, 2, 2, 6, buffer));
    }
}
