using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Media;

public sealed class VideoFrameDecoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ReadAsync_TwelveFpsClip_EveryFrameOnceAtItsOwnRate()
    {
        // 12 fps for 1 s: at the video's own rate there are 12 frames (a 25 fps resample would give 25).
        var path = await MakeAsync("12fps.mp4", "testsrc2=size=64x48:rate=12", 1);

        var (frames, first) = await ReadAllAsync(path, 64, 48);

        Assert.Equal(12, frames);
        Assert.True(first.Pixels.Distinct().Count() > 10, "decoded pixels, not a blank buffer");
    }

    [Fact]
    public async Task Probe_RotatedClip_ReportsTheDisplaySize_AndFramesComeOutUpright()
    {
        // ffmpeg 5 writes the rotate tag (as a display matrix) only when it copies the stream.
        var plain = await MakeAsync("plain.mp4", "testsrc2=size=64x48:rate=10", 0.5);
        var path = _temp.File("rotated.mp4");
        await MediaTool.Ffmpeg.RunAsync(["-v", "error", "-nostdin", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", path], CancellationToken.None);

        var video = (await MediaProbe.ProbeAsync(path, CancellationToken.None)).Video!;
        var (frames, _) = await ReadAllAsync(path, video.DisplaySize!.Value.Width, video.DisplaySize.Value.Height);

        Assert.Equal(90, Math.Abs(video.Rotation));
        Assert.Equal((48, 64), video.DisplaySize);
        Assert.Equal(5, frames);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<(int Frames, RgbImage First)> ReadAllAsync(string path, int width, int height)
    {
        await using var reader = VideoFrameDecoder.Open(path, width, height);
        var frame = new RgbImage(width, height);
        RgbImage? first = null;
        while (await reader.ReadAsync(frame, CancellationToken.None))
        {
            first ??= new RgbImage(width, height, (byte[])frame.Pixels.Clone());
        }

        return ((int)reader.FramesRead, first!);
    }

    private async Task<string> MakeAsync(string name, string source, double seconds)
    {
        var path = _temp.File(name);
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-f", "lavfi", "-i", source, "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path],
            CancellationToken.None);
        return path;
    }
}
