using SadTalker.Inference.Faces;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Intake;

public sealed class PortraitIntakeTests(ITestOutputHelper output) : IDisposable
{
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu });
    private readonly BlazeFaceDetector _detector =
        new(Sessions, RepoPaths.Model("blazeface/face_detection_front_128x128_barracuda.onnx"));
    private readonly TempDirectory _temp = new();
    private string WorkDir => _temp.File("work");

    public void Dispose()
    {
        _detector.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Process_Astronaut_WritesNormalizedPngAndThumbnailAndPassesFaceCheck()
    {
        var upload = _temp.File("client name.png");
        File.Copy(RepoPaths.Fixture("astronaut.png"), upload);

        var result = await Intake().ProcessAsync(upload, WorkDir, CancellationToken.None);

        Assert.Equal((ImageFormat.Png, 512, 512, 1), (result.Format, result.Width, result.Height, result.Orientation));
        Assert.Equal(new FileInfo(upload).Length, result.ByteCount);
        Assert.Equal(FaceVerdict.Ok, result.Face.Verdict);
        Assert.Equal(1, result.Face.FaceCount);

        Assert.Equal(2, Directory.GetFiles(WorkDir).Length);
        Assert.All(Directory.GetFiles(WorkDir), p => Assert.DoesNotContain("client", p, StringComparison.Ordinal));
        var normalized = await TestMedia.DecodeAsync(result.NormalizedPngPath);
        var original = await TestMedia.DecodeAsync(upload);
        Assert.Equal(original.Pixels, normalized.Pixels);

        var thumbnail = ImageFormatSniffer.Sniff(await File.ReadAllBytesAsync(result.ThumbnailPath));
        Assert.Equal((ImageFormat.Png, 256, 256), (thumbnail.Format, thumbnail.Width, thumbnail.Height));
        Assert.Equal((256, 256), (result.ThumbnailWidth, result.ThumbnailHeight));
    }

    [Theory]
    [InlineData("c.jpg", ImageFormat.Jpeg)]
    [InlineData("c.webp", ImageFormat.WebP)]
    [InlineData("c.bmp", ImageFormat.Bmp)]
    public async Task Process_OtherFormats_AreAcceptedByContentWhateverTheirName(string made, ImageFormat format)
    {
        var path = await TestMedia.ConvertAsync(_temp, "coffee.png", made);
        var upload = _temp.File("upload.png"); // the extension lies; only the bytes count
        File.Move(path, upload);

        var result = await Intake().ProcessAsync(upload, WorkDir, CancellationToken.None);

        Assert.Equal((format, 600, 400), (result.Format, result.Width, result.Height));
        Assert.Equal((256, 171), (result.ThumbnailWidth, result.ThumbnailHeight));
        Assert.Equal(FaceVerdict.NoFace, result.Face.Verdict);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Process_JpegWithExifOrientation_StoresTheUprightPicture(int orientation)
    {
        var plain = await TestMedia.ConvertAsync(_temp, "coffee.png", "plain.jpg", "-q:v", "2");
        var upload = _temp.File("upload");
        await File.WriteAllBytesAsync(
            upload, CraftedImages.WithExifOrientation(await File.ReadAllBytesAsync(plain), (ushort)orientation, bigEndian: orientation % 2 == 0));

        var result = await Intake().ProcessAsync(upload, WorkDir, CancellationToken.None);

        Assert.Equal(orientation, result.Orientation);
        Assert.Equal(orientation >= 5 ? (400, 600) : (600, 400), (result.Width, result.Height));
        var stored = await TestMedia.DecodeAsync(result.NormalizedPngPath);
        var expected = await TestMedia.DecodeFilteredAsync(plain, ImageOrientationTests.FfmpegFilter(orientation));
        Assert.Equal(expected.Length, stored.Pixels.Length);
        var worst = expected.Zip(stored.Pixels, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 2, $"largest difference from ffmpeg's {ImageOrientationTests.FfmpegFilter(orientation)}: {worst}");
        var thumbnail = ImageFormatSniffer.Sniff(await File.ReadAllBytesAsync(result.ThumbnailPath));
        Assert.Equal(orientation >= 5 ? (171, 256) : (256, 171), (thumbnail.Width, thumbnail.Height));
    }

    [Theory]
    [InlineData("truncated-png", "image.truncated")]
    [InlineData("truncated-jpeg", "image.truncated")]
    [InlineData("wav-renamed-png", "image.unsupported_format")]
    [InlineData("zero-bytes", "image.empty")]
    [InlineData("text", "image.unsupported_format")]
    [InlineData("png-50000-squared", "image.too_many_pixels")]
    [InlineData("jpeg-50000-squared", "image.too_many_pixels")]
    [InlineData("garbled-png-data", "image.corrupt")]
    public async Task Process_BadInput_IsRefusedWithItsCodeAndStoresNothing(string kind, string code)
    {
        var upload = _temp.File("upload.png");
        await File.WriteAllBytesAsync(upload, await BadInputAsync(kind));

        var ex = await Assert.ThrowsAsync<IntakeException>(() => Intake().ProcessAsync(upload, WorkDir, CancellationToken.None));

        output.WriteLine($"{kind}: {ex.Code}: {ex.Message}");
        Assert.Equal(code, ex.Code);
        Assert.DoesNotContain(_temp.Path, ex.Message, StringComparison.Ordinal);
        TestMedia.AssertEmpty(WorkDir);
    }

    [Fact]
    public async Task Process_PixelFlood_NamesTheSizeAndTheLimit()
    {
        var upload = _temp.File("upload.png");
        await File.WriteAllBytesAsync(upload, await BadInputAsync("png-50000-squared"));

        var ex = await Assert.ThrowsAsync<IntakeException>(() => Intake().ProcessAsync(upload, WorkDir, CancellationToken.None));

        Assert.Equal("The image is 50000 x 50000 pixels (2500 megapixels); the limit is 40 megapixels.", ex.Message);
    }

    [Fact]
    public async Task Process_SparseTwoGigabyteFile_IsRefusedBySizeWithoutBeingOpened()
    {
        var upload = _temp.File("huge.png");
        using (var create = new FileStream(upload, FileMode.CreateNew))
        {
            create.SetLength(2L * 1024 * 1024 * 1024);
        }

        // Held open with no sharing: any attempt to read it would fail with an IOException instead.
        using var held = new FileStream(upload, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var ex = await Assert.ThrowsAsync<IntakeException>(() => Intake().ProcessAsync(upload, WorkDir, CancellationToken.None));

        Assert.Equal("image.too_large", ex.Code);
        Assert.Equal("The file is 2.0 GB; portraits can be at most 20 MB.", ex.Message);
        TestMedia.AssertEmpty(WorkDir);
    }

    [Fact]
    public async Task Process_CustomLimits_AreApplied()
    {
        var upload = RepoPaths.Fixture("astronaut.png");

        var pixels = await Assert.ThrowsAsync<IntakeException>(() =>
            Intake(new IntakeLimits { MaxImagePixels = (512 * 512) - 1 }).ProcessAsync(upload, WorkDir, CancellationToken.None));
        var bytes = await Assert.ThrowsAsync<IntakeException>(() =>
            Intake(new IntakeLimits { MaxImageBytes = 1000 }).ProcessAsync(upload, WorkDir, CancellationToken.None));

        Assert.Equal("image.too_many_pixels", pixels.Code);
        Assert.Equal("image.too_large", bytes.Code);
    }

    [Fact]
    public async Task Process_Cancelled_ThrowsAndStoresNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Intake().ProcessAsync(RepoPaths.Fixture("astronaut.png"), WorkDir, cancelled.Token));

        TestMedia.AssertEmpty(WorkDir);
    }

    [Fact]
    public async Task Process_TwoUploadsInOneWorkDir_GetDistinctNames()
    {
        var first = await Intake().ProcessAsync(RepoPaths.Fixture("astronaut.png"), WorkDir, CancellationToken.None);
        var second = await Intake().ProcessAsync(RepoPaths.Fixture("astronaut.png"), WorkDir, CancellationToken.None);

        Assert.Equal(4, Directory.GetFiles(WorkDir).Length);
        Assert.NotEqual(first.NormalizedPngPath, second.NormalizedPngPath);
    }

    private PortraitIntake Intake(IntakeLimits? limits = null) => new(new FaceCheck(_detector), limits);

    private async Task<byte[]> BadInputAsync(string kind)
    {
        var png = await File.ReadAllBytesAsync(RepoPaths.Fixture("astronaut.png"));
        switch (kind)
        {
            case "truncated-png":
                return png[..(png.Length / 2)];
            case "truncated-jpeg":
                var jpeg = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "astronaut.png", "a.jpg"));
                return jpeg[..(jpeg.Length / 2)];
            case "wav-renamed-png":
                return await File.ReadAllBytesAsync(RepoPaths.Fixture("speech-en-short.wav"));
            case "zero-bytes":
                return [];
            case "text":
                return "This is not a picture.\n"u8.ToArray();
            case "png-50000-squared":
                return CraftedImages.WithPngSize(png, 50_000, 50_000);
            case "jpeg-50000-squared":
                var small = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "coffee.png", "c.jpg"));
                return CraftedImages.WithJpegSize(small, 50_000, 50_000);
            case "garbled-png-data":
                // Chunk structure intact, compressed pixels scrambled: only the decoder can tell.
                for (var i = png.Length / 2; i < (png.Length / 2) + 64; i++)
                {
                    png[i] ^= 0x5A;
                }

                return png;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
