using System.Diagnostics;
using System.Text;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Tests.Imaging;

public sealed class MediaToolTests
{
    [Fact]
    public async Task RunAsync_CollectsStdoutBytesAndStderr()
    {
        var result = await new MediaTool("/bin/sh").RunAsync(
            ["-c", "printf 'a\\000b'; echo oops >&2"], CancellationToken.None);

        Assert.Equal("a\0b"u8.ToArray(), result.StandardOutput);
        Assert.Equal("oops", result.StandardError.Trim());
    }

    [Fact]
    public async Task RunAsync_NonZeroExit_ThrowsWithExitCodeAndStderr()
    {
        var ex = await Assert.ThrowsAsync<MediaToolException>(() => new MediaTool("/bin/sh").RunAsync(
            ["-c", "echo 'No such filter: nope' >&2; exit 3"], CancellationToken.None));

        Assert.Equal(3, ex.ExitCode);
        Assert.Contains("No such filter: nope", ex.Message, StringComparison.Ordinal);
        Assert.Contains("code 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingExecutable_ThrowsClearly()
    {
        var ex = await Assert.ThrowsAsync<MediaToolException>(
            () => new MediaTool("/nonexistent/ffmpeg").RunAsync([], CancellationToken.None));

        Assert.Null(ex.ExitCode);
        Assert.Contains("/nonexistent/ffmpeg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsProcessPromptly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new MediaTool("/bin/sleep").RunAsync(["30"], cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_LargeOutput_DoesNotDeadlock()
    {
        // More than a pipe buffer on both streams at once.
        var result = await new MediaTool("/bin/sh").RunAsync(
            ["-c", "head -c 3000000 /dev/zero; head -c 200000 /dev/zero | tr '\\0' x >&2"], CancellationToken.None);

        Assert.Equal(3_000_000, result.StandardOutput.Length);
        Assert.Equal(200_000, Encoding.ASCII.GetByteCount(result.StandardError));
    }
}
