using System.Text;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Imaging;

public sealed class FfmpegImageDecoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task DecodeAsync_Ppm_ReturnsExactPixels()
    {
        var (path, pixels) = WriteRandomPpm(7, 5, seed: 1);

        var image = await FfmpegImageDecoder.DecodeAsync(path, CancellationToken.None);

        Assert.Equal((7, 5), (image.Width, image.Height));
        Assert.Equal(pixels, image.Pixels);
    }

    [Fact]
    public async Task DecodeAsync_LosslessPng_MatchesItsSource()
    {
        // Convert the PPM to PNG with ffmpeg itself, then check the round trip is exact (both are lossless RGB24).
        var (ppm, pixels) = WriteRandomPpm(33, 17, seed: 2);
        var png = _temp.File("random.png");
        await MediaTool.Ffmpeg.RunAsync(["-v", "error", "-nostdin", "-i", ppm, "-pix_fmt", "rgb24", png], CancellationToken.None);

        var image = await FfmpegImageDecoder.DecodeAsync(png, CancellationToken.None);

        Assert.Equal((33, 17), (image.Width, image.Height));
        Assert.Equal(pixels, image.Pixels);
    }

    [Fact]
    public async Task DecodeAsync_Fixture_HasFixtureSize()
    {
        var image = await FfmpegImageDecoder.DecodeAsync(RepoPaths.Fixture("coffee.png"), CancellationToken.None);

        Assert.Equal((600, 400), (image.Width, image.Height));
        Assert.Equal(600 * 400 * 3, image.Pixels.Length);
        Assert.True(image.Pixels.Distinct().Count() > 100, "a photo should have many distinct byte values");
    }

    [Fact]
    public async Task DecodeAsync_Garbage_ThrowsWithFfmpegDiagnostics()
    {
        var path = _temp.File("broken.png");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 500).Select(i => (byte)(i * 7))]);

        var ex = await Assert.ThrowsAsync<MediaToolException>(
            () => FfmpegImageDecoder.DecodeAsync(path, CancellationToken.None));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ex.StandardError), "ffmpeg explains the failure on stderr");
        Assert.Contains(ex.StandardError.Trim().Split('\n')[0], ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_MissingFile_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(
            () => FfmpegImageDecoder.DecodeAsync(_temp.File("missing.png"), CancellationToken.None));
    }

    [Fact]
    public async Task DecodeAsync_Cancelled_Throws()
    {
        var (path, _) = WriteRandomPpm(2, 2, seed: 3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => FfmpegImageDecoder.DecodeAsync(path, new CancellationToken(canceled: true)));
    }

    public void Dispose() => _temp.Dispose();

    private (string Path, byte[] Pixels) WriteRandomPpm(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        var path = _temp.File($"random-{seed}.ppm");
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n"));
        file.Write(pixels);
        return (path, pixels);
    }
}
