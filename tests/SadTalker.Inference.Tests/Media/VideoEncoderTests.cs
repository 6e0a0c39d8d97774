using System.Diagnostics;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Media;

public sealed class VideoEncoderTests : IDisposable
{
    private const int Size = 256;
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task CompleteAsync_FiftyFramesWithLongerAudio_IsTwoSecondFaststartH264Aac()
    {
        var output = _temp.File("out.mp4");
        VideoEncodeResult result;
        await using (var encoder = Start(output, RepoPaths.Fixture("speech-en-10s.wav")))
        {
            for (var i = 0; i < 50; i++)
            {
                await encoder.WriteFrameAsync(Gradient(i), CancellationToken.None);
            }

            result = await encoder.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal(output, result.Path);
        Assert.Equal(50, result.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Duration);
        Assert.Equal(new FileInfo(output).Length, result.SizeBytes);

        var info = await MediaProbe.ProbeAsync(output, CancellationToken.None);
        var video = info.Video!;
        Assert.Equal("h264", video.CodecName);
        Assert.Equal("yuv420p", video.PixelFormat);
        Assert.Equal((Size, Size), (video.Width, video.Height));
        Assert.Equal(25.0, video.FrameRate);
        Assert.Equal(50, video.FrameCount);
        Assert.Equal("aac", info.Audio!.CodecName);

        // The 11 s audio is cut to the video: the file and both streams last 2.00 s within one frame (40 ms).
        Assert.InRange(info.Duration!.Value.TotalSeconds, 1.96, 2.04);
        Assert.InRange(info.Audio.Duration!.Value.TotalSeconds, 1.96, 2.04);

        var boxes = Mp4Boxes.TopLevel(output).Select(b => b.Type).ToList();
        Assert.True(
            boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"),
            $"faststart puts moov before mdat; boxes: {string.Join(", ", boxes)}");
        AssertNoTempFiles();
    }

    [Fact]
    public async Task CompleteAsync_AudioShorterThanVideo_PadsWithSilence()
    {
        // 3.59 s of speech under 100 frames (4.00 s).
        var output = _temp.File("padded.mp4");
        await using (var encoder = Start(output, RepoPaths.Fixture("speech-en-short.wav")))
        {
            for (var i = 0; i < 100; i++)
            {
                await encoder.WriteFrameAsync(Gradient(i), CancellationToken.None);
            }

            await encoder.CompleteAsync(CancellationToken.None);
        }

        var info = await MediaProbe.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(info.Audio!.Duration!.Value.TotalSeconds, 3.96, 4.04);
        Assert.InRange(info.Duration!.Value.TotalSeconds, 3.96, 4.04);

        var audio = await AudioDecoder.DecodeAsync(output, CancellationToken.None);
        var speech = audio[16000..(3 * 16000)];
        var tail = audio[(int)(3.75 * 16000)..];
        Assert.True(Rms(speech) > 0.01, $"speech RMS {Rms(speech)}");
        Assert.True(Rms(tail) < 1e-3, $"padded tail RMS {Rms(tail)}");
    }

    [Fact]
    public async Task CompleteAsync_WithoutAudio_WritesVideoOnly()
    {
        var output = _temp.File("silent.mp4");
        await using (var encoder = VideoEncoder.Start(new VideoEncoderSettings(output, 64, 32) { Preset = "ultrafast" }))
        {
            for (var i = 0; i < 5; i++)
            {
                await encoder.WriteFrameAsync(new byte[64 * 32 * 3], CancellationToken.None);
            }

            await encoder.CompleteAsync(CancellationToken.None);
        }

        var info = await MediaProbe.ProbeAsync(output, CancellationToken.None);
        Assert.Null(info.Audio);
        Assert.Equal(5, info.Video!.FrameCount);
    }

    [Fact]
    public async Task CompleteAsync_ReplacesAnExistingTarget()
    {
        var output = _temp.File("existing.mp4");
        await File.WriteAllTextAsync(output, "old");
        await using (var encoder = VideoEncoder.Start(new VideoEncoderSettings(output, 16, 16)))
        {
            await encoder.WriteFrameAsync(new byte[16 * 16 * 3], CancellationToken.None);
            await encoder.CompleteAsync(CancellationToken.None);
        }

        Assert.Contains("mdat", Mp4Boxes.TopLevel(output).Select(b => b.Type));
    }

    [Fact]
    public async Task WriteFrameAsync_CancelledMidEncode_KillsFfmpegAndLeavesNothing()
    {
        var output = _temp.File("cancelled.mp4");
        await File.WriteAllTextAsync(output, "previous video");
        using var cts = new CancellationTokenSource();
        await using var encoder = Start(output, RepoPaths.Fixture("speech-en-10s.wav"));
        for (var i = 0; i < 10; i++)
        {
            await encoder.WriteFrameAsync(Gradient(i), cts.Token);
        }

        Assert.True(File.Exists(encoder.TempPath), "ffmpeg writes into the hidden temporary file while encoding");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await encoder.WriteFrameAsync(Gradient(10), cts.Token));

        Assert.True(encoder.ProcessHasExited, "ffmpeg must be gone after cancellation");
        Assert.Equal("previous video", await File.ReadAllTextAsync(output));
        AssertNoTempFiles();
        await Assert.ThrowsAsync<InvalidOperationException>(() => encoder.CompleteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteFrameAsync_CancelledWhileBlockedOnAFullPipe_ReturnsPromptly()
    {
        // A stand-in "ffmpeg" that never reads stdin: the first 196 KiB frame fills the pipe and the write blocks.
        if (OperatingSystem.IsWindows())
        {
            return; // a shell-script fake needs a Unix shell; the suite runs on Linux
        }

        var fake = _temp.File("stalled-ffmpeg.sh");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nexec sleep 60\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await using var encoder = VideoEncoder.Start(new VideoEncoderSettings(_temp.File("stalled.mp4"), Size, Size), new MediaTool(fake));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await encoder.WriteFrameAsync(Gradient(0), cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(encoder.ProcessHasExited);
        Assert.False(File.Exists(_temp.File("stalled.mp4")));
    }

    [Fact]
    public async Task CompleteAsync_MissingAudioFile_SurfacesFfmpegMessage()
    {
        var output = _temp.File("no-audio.mp4");
        var missing = _temp.File("does-not-exist.wav");
        await using var encoder = Start(output, missing);

        var ex = await Assert.ThrowsAsync<MediaToolException>(async () =>
        {
            // The failure shows on the first write that hits the closed pipe, or at the latest on completion.
            for (var i = 0; i < 50; i++)
            {
                await encoder.WriteFrameAsync(Gradient(i), CancellationToken.None);
            }

            await encoder.CompleteAsync(CancellationToken.None);
        });

        Assert.Contains("No such file or directory", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does-not-exist.wav", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", ex.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        AssertNoTempFiles();
    }

    [Fact]
    public async Task CompleteAsync_UnreadableAudio_SurfacesFfmpegMessage()
    {
        var audio = _temp.File("broken.wav");
        await File.WriteAllBytesAsync(audio, new byte[4000]);
        var output = _temp.File("broken.mp4");
        await using var encoder = Start(output, audio);

        var ex = await Assert.ThrowsAsync<MediaToolException>(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await encoder.WriteFrameAsync(Gradient(i), CancellationToken.None);
            }

            await encoder.CompleteAsync(CancellationToken.None);
        });

        Assert.Contains("Invalid data found when processing input", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        AssertNoTempFiles();
    }

    [Theory]
    [InlineData(255, 256)]
    [InlineData(256, 255)]
    [InlineData(0, 256)]
    public void Start_OddOrEmptySize_Throws(int width, int height) =>
        Assert.ThrowsAny<ArgumentException>(() => VideoEncoder.Start(new VideoEncoderSettings(_temp.File("odd.mp4"), width, height)));

    [Fact]
    public void Start_MissingFolder_Throws() =>
        Assert.Throws<DirectoryNotFoundException>(
            () => VideoEncoder.Start(new VideoEncoderSettings(_temp.File("nowhere/out.mp4"), 16, 16)));

    [Fact]
    public async Task WriteFrameAsync_WrongFrameSize_Throws()
    {
        await using var encoder = VideoEncoder.Start(new VideoEncoderSettings(_temp.File("size.mp4"), 16, 16));

        await Assert.ThrowsAsync<ArgumentException>(
            async () => await encoder.WriteFrameAsync(new byte[(16 * 16 * 3) - 1], CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAsync_NoFrames_Throws_AndDisposeCleansUp()
    {
        var output = _temp.File("empty.mp4");
        await using (var encoder = VideoEncoder.Start(new VideoEncoderSettings(output, 16, 16)))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => encoder.CompleteAsync(CancellationToken.None));
        }

        Assert.False(File.Exists(output));
        AssertNoTempFiles();
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_LeavesNothing()
    {
        var output = _temp.File("abandoned.mp4");
        await using (var encoder = Start(output, RepoPaths.Fixture("speech-en-10s.wav")))
        {
            await encoder.WriteFrameAsync(Gradient(0), CancellationToken.None);
        }

        Assert.False(File.Exists(output));
        AssertNoTempFiles();
    }

    public void Dispose() => _temp.Dispose();

    private static VideoEncoder Start(string output, string audio) =>
        VideoEncoder.Start(new VideoEncoderSettings(output, Size, Size) { AudioPath = audio });

    /// <summary>A 256x256 gradient that moves with the frame index.</summary>
    private static byte[] Gradient(int frame)
    {
        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var i = ((y * Size) + x) * 3;
                pixels[i] = (byte)(x + (4 * frame));
                pixels[i + 1] = (byte)(y + (2 * frame));
                pixels[i + 2] = 128;
            }
        }

        return pixels;
    }

    private static double Rms(float[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));

    private void AssertNoTempFiles() =>
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.partial", new EnumerationOptions { AttributesToSkip = 0 }));
}
