using System.Text;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Intake;

public sealed class ImageFormatSnifferTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Sniff_PngFixture_ReadsIhdrSize()
    {
        var data = File.ReadAllBytes(RepoPaths.Fixture("astronaut.png"));

        var header = ImageFormatSniffer.Sniff(data);

        Assert.Equal(new ImageHeader(ImageFormat.Png, 512, 512, 1), header);
        ImageFormatSniffer.EnsureComplete(data, header.Format);
    }

    // coffee.png is 600x400; each variant is made by ffmpeg now and must carry the chunk we claim to parse.
    [Theory]
    [InlineData("c.jpg", ImageFormat.Jpeg, null, new[] { "-q:v", "3" })]
    [InlineData("c.bmp", ImageFormat.Bmp, null, new string[0])]
    [InlineData("lossy.webp", ImageFormat.WebP, "VP8 ", new[] { "-c:v", "libwebp", "-lossless", "0" })]
    [InlineData("lossless.webp", ImageFormat.WebP, "VP8L", new[] { "-c:v", "libwebp", "-lossless", "1" })]
    [InlineData("alpha.webp", ImageFormat.WebP, "VP8X", new[] { "-vf", "format=rgba,colorchannelmixer=aa=0.5", "-c:v", "libwebp", "-lossless", "0" })]
    public async Task Sniff_FfmpegMadeFiles_ReadsFormatAndSize(string name, ImageFormat format, string? webpChunk, string[] arguments)
    {
        var path = await TestMedia.ConvertAsync(_temp, "coffee.png", name, [.. arguments, "-frames:v", "1"]);
        var data = await File.ReadAllBytesAsync(path);
        if (webpChunk is not null)
        {
            Assert.Equal(webpChunk, Encoding.ASCII.GetString(data, 12, 4));
        }

        var header = ImageFormatSniffer.Sniff(data);

        Assert.Equal(new ImageHeader(format, 600, 400, 1), header);
        ImageFormatSniffer.EnsureComplete(data, format);
    }

    [Fact]
    public async Task Sniff_TopDownBmp_ReportsPositiveHeight()
    {
        var data = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "coffee.png", "c.bmp"));
        BitConverter.TryWriteBytes(data.AsSpan(22), -400);

        var header = ImageFormatSniffer.Sniff(data);

        Assert.Equal((600, 400), (header.Width, header.Height));
        ImageFormatSniffer.EnsureComplete(data, ImageFormat.Bmp);
    }

    [Fact]
    public void Sniff_CoreHeaderBmp_ReadsSixteenBitSizes()
    {
        var bmp = CraftedImages.CoreHeaderBmp(5, 3);

        Assert.Equal(new ImageHeader(ImageFormat.Bmp, 5, 3, 1), ImageFormatSniffer.Sniff(bmp));
        ImageFormatSniffer.EnsureComplete(bmp, ImageFormat.Bmp);
        AssertCode("image.truncated", () => ImageFormatSniffer.EnsureComplete(bmp.AsSpan(0, bmp.Length - 1), ImageFormat.Bmp));
    }

    public static TheoryData<int, bool> Orientations()
    {
        var data = new TheoryData<int, bool>();
        for (var o = 1; o <= 8; o++)
        {
            data.Add(o, false);
            data.Add(o, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orientations))]
    public async Task Sniff_JpegWithExif_ReadsOrientationInEitherByteOrder(int orientation, bool bigEndian)
    {
        var jpeg = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "coffee.png", "c.jpg"));
        var tagged = CraftedImages.WithExifOrientation(jpeg, (ushort)orientation, bigEndian);

        var header = ImageFormatSniffer.Sniff(tagged);

        Assert.Equal(new ImageHeader(ImageFormat.Jpeg, 600, 400, orientation), header);
        Assert.Equal(orientation >= 5 ? (400, 600) : (600, 400), (header.DisplayWidth, header.DisplayHeight));
        ImageFormatSniffer.EnsureComplete(tagged, ImageFormat.Jpeg);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(9, 3)]
    [InlineData(6, 4)] // LONG instead of SHORT: not a valid orientation entry
    public async Task Sniff_InvalidExifOrientation_FallsBackToOne(int orientation, int type)
    {
        var jpeg = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "coffee.png", "c.jpg"));
        var tagged = CraftedImages.WithExifOrientation(jpeg, (ushort)orientation, bigEndian: false, type: (ushort)type);

        Assert.Equal(1, ImageFormatSniffer.Sniff(tagged).Orientation);
    }

    [Fact]
    public async Task Sniff_ExifWithIfdOffsetPastTheEnd_FallsBackToOne()
    {
        var jpeg = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "coffee.png", "c.jpg"));
        var tagged = CraftedImages.WithExifOrientation(jpeg, 6, bigEndian: false);
        tagged[2 + 4 + 6 + 4] = 0xF0; // IFD0 offset (little-endian, low byte) far beyond the segment

        Assert.Equal(1, ImageFormatSniffer.Sniff(tagged).Orientation);
    }

    [Fact]
    public void Sniff_PngDeclaringFiftyThousandSquared_ReportsTheSizeWithoutDecoding()
    {
        var png = CraftedImages.WithPngSize(File.ReadAllBytes(RepoPaths.Fixture("astronaut.png")), 50_000, 50_000);

        var header = ImageFormatSniffer.Sniff(png);

        Assert.Equal((50_000, 50_000, 2_500_000_000L), (header.Width, header.Height, header.PixelCount));
    }

    [Fact]
    public async Task Sniff_JpegDeclaringFiftyThousandSquared_ReportsTheSize()
    {
        var jpeg = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "coffee.png", "c.jpg"));

        var header = ImageFormatSniffer.Sniff(CraftedImages.WithJpegSize(jpeg, 50_000, 50_000));

        Assert.Equal((50_000, 50_000), (header.Width, header.Height));
    }

    [Fact]
    public async Task Sniff_AnimatedWebP_IsUnsupported()
    {
        var path = await TestMedia.ConvertAsync(
            _temp, "coffee.png", "alpha.webp", "-vf", "format=rgba,colorchannelmixer=aa=0.5", "-c:v", "libwebp", "-frames:v", "1");
        var data = await File.ReadAllBytesAsync(path);
        Assert.Equal("VP8X", Encoding.ASCII.GetString(data, 12, 4));
        data[20] |= 0x02; // VP8X flags: animation

        var ex = AssertCode("image.unsupported_format", () => ImageFormatSniffer.Sniff(data));

        Assert.Contains("Animated WebP", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sniff_Empty_IsImageEmpty() => AssertCode("image.empty", () => ImageFormatSniffer.Sniff([]));

    [Theory]
    [InlineData("hello, this is text", "not an image")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000", "GIF")]
    [InlineData("BM but only text after it, nothing like a header", "not an image")]
    [InlineData("%PDF-1.7 ...", "PDF")]
    public void Sniff_OtherContent_IsUnsupportedWithSpecificMessage(string content, string expected)
    {
        var ex = AssertCode("image.unsupported_format", () => ImageFormatSniffer.Sniff(Encoding.Latin1.GetBytes(content)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sniff_WavAudio_SaysItIsAudio()
    {
        var wav = File.ReadAllBytes(RepoPaths.Fixture("speech-en-short.wav"));

        var ex = AssertCode("image.unsupported_format", () => ImageFormatSniffer.Sniff(wav));

        Assert.Contains("WAV audio", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("astronaut.png", 5)] // inside the signature
    [InlineData("astronaut.png", 20)] // inside IHDR
    [InlineData("c.jpg", 2)]
    [InlineData("c.jpg", 100)] // before the frame header
    [InlineData("c.webp", 16)]
    [InlineData("c.bmp", 20)]
    public async Task Sniff_CutInsideHeaders_IsTruncated(string file, int keep)
    {
        var data = await FixtureOrMadeAsync(file);

        AssertCode("image.truncated", () => ImageFormatSniffer.Sniff(data.AsSpan(0, keep)));
    }

    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("c.jpg")]
    [InlineData("c.webp")]
    [InlineData("c.bmp")]
    public async Task EnsureComplete_HalfAFile_IsTruncated(string file)
    {
        var data = await FixtureOrMadeAsync(file);
        var half = data.AsSpan(0, data.Length / 2).ToArray();

        var header = ImageFormatSniffer.Sniff(half);
        AssertCode("image.truncated", () => ImageFormatSniffer.EnsureComplete(half, header.Format));
    }

    [Fact]
    public void EnsureComplete_PngWithoutIend_IsTruncated()
    {
        var png = File.ReadAllBytes(RepoPaths.Fixture("astronaut.png"));

        AssertCode("image.truncated", () => ImageFormatSniffer.EnsureComplete(png.AsSpan(0, png.Length - 12), ImageFormat.Png));
    }

    [Fact]
    public async Task EnsureComplete_JpegWithoutEoi_IsTruncated()
    {
        var jpeg = await FixtureOrMadeAsync("c.jpg");
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);

        AssertCode("image.truncated", () => ImageFormatSniffer.EnsureComplete(jpeg.AsSpan(0, jpeg.Length - 2), ImageFormat.Jpeg));
    }

    [Fact]
    public void Sniff_PngWithZeroWidth_IsCorrupt()
    {
        var png = CraftedImages.WithPngSize(File.ReadAllBytes(RepoPaths.Fixture("astronaut.png")), 0, 512);

        AssertCode("image.corrupt", () => ImageFormatSniffer.Sniff(png));
    }

    [Fact]
    public async Task Sniff_JpegWithScanBeforeFrameHeader_IsCorrupt()
    {
        var jpeg = await FixtureOrMadeAsync("c.jpg");
        var sof = CraftedImages.FindMarker(jpeg, 0xC0);
        jpeg[sof + 1] = 0xDA; // the frame header becomes a start of scan

        AssertCode("image.corrupt", () => ImageFormatSniffer.Sniff(jpeg));
    }

    private static IntakeException AssertCode(string code, Action action)
    {
        var ex = Assert.Throws<IntakeException>(action);
        Assert.Equal(code, ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        return ex;
    }

    private async Task<byte[]> FixtureOrMadeAsync(string file) => file switch
    {
        "astronaut.png" => await File.ReadAllBytesAsync(RepoPaths.Fixture(file)),
        _ => await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "astronaut.png", file)),
    };
}
