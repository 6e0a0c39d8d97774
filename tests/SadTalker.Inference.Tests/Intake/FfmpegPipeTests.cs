using SadTalker.Inference.Imaging;
using SadTalker.Inference.Intake;

namespace SadTalker.Inference.Tests.Intake;

public sealed class FfmpegPipeTests
{
    [Fact]
    public async Task RunAsync_EchoesMegabytesThroughStdinAndStdoutWithoutDeadlock()
    {
        // 12 MB in and out at once: far beyond the pipe buffers, so writing before reading would hang.
        var input = new byte[2000 * 2000 * 3];
        new Random(7).NextBytes(input);

        var result = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", "2000x2000", "-i", "pipe:0",
             "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
            input,
            CancellationToken.None);

        Assert.Equal(input, result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_ToolFailsEarly_ReportsExitCodeAndStderr()
    {
        var ex = await Assert.ThrowsAsync<MediaToolException>(() => MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-f", "png_pipe", "-i", "pipe:0", "-f", "null", "-"], new byte[1_000_000], CancellationToken.None));

        Assert.NotNull(ex.ExitCode);
        Assert.NotEqual(0, ex.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.StandardError));
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcess()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // An endless test source: only cancellation can end this run.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-f", "lavfi", "-i", "testsrc", "-f", "null", "-"], ReadOnlyMemory<byte>.Empty, cancel.Token));
    }

    [Fact]
    public void Summarize_DropsContextPrefixesAndPathsAndDuplicates()
    {
        const string Stderr = "[png @ 0x55c85967b280] inflate returned error -3\n[png @ 0x55c859689d80] inflate returned error -3\n" +
            "file:/srv/uploads/abc.bin: Invalid data found when processing input\nthird line\n";

        var summary = FfmpegErrorSummary.Summarize(Stderr, "/srv/uploads/abc.bin");

        Assert.Equal("inflate returned error -3; the file: Invalid data found when processing input", summary);
    }
}
