using SadTalker.Inference.Trust;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Trust;

/// <summary>Embed → encode → transform (real ffmpeg) → detect, on 3.5 s clips at 320 px.</summary>
public sealed class WatermarkRoundTripTests(WatermarkClips clips, ITestOutputHelper output) : IClassFixture<WatermarkClips>
{
    public static TheoryData<string> Attacks => new(WatermarkAttack.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Detect_MarkedClipAfterTransformation_RecoversTheExactPayload(string attack)
    {
        var found = await DetectAsync(clips.Marked, attack, "marked");

        output.WriteLine($"{attack}: {found.Summary}; crop {found.CropX}/{found.CropY}, offset {found.FrameOffset}, {found.FramesAnalysed} frames");
        Assert.True(found.Found, found.Summary);
        Assert.Equal(clips.Payload, found.Payload);
        Assert.True(found.Confidence > 0.999999, $"confidence {found.Confidence}");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Detect_CleanClipAfterTransformation_FindsNoWatermark(string attack)
    {
        var found = await DetectAsync(clips.Clean, attack, "clean");

        output.WriteLine($"{attack}: {found.Summary}");
        Assert.False(found.Found, found.Summary);
        Assert.Null(found.Payload);
        Assert.False(found.MarkSuspected, found.Summary);
    }

    [Fact]
    public async Task Detect_MarkedClipCutToStartMidPeriod_FindsTheOffset()
    {
        var cut = clips.File("cut.mp4");
        await Intake.TestMedia.FfmpegAsync("-i", clips.Marked, "-vf", "trim=start_frame=10,setpts=PTS-STARTPTS", "-an", "-c:v", "libx264", "-crf", "23", cut);

        var found = await WatermarkDetector.DetectAsync(cut, CancellationToken.None);

        output.WriteLine(found.Summary);
        Assert.Equal(clips.Payload, found.Payload);
        Assert.Equal(10, found.FrameOffset);
    }

    [Fact]
    public async Task DetectAsync_NotAVideo_ThrowsMediaToolException()
    {
        var path = clips.File("not-a-video.mp4");
        await File.WriteAllTextAsync(path, "hello");

        await Assert.ThrowsAsync<SadTalker.Inference.Imaging.MediaToolException>(() => WatermarkDetector.DetectAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task DetectAsync_AudioOnly_SaysThereIsNoVideoStream()
    {
        var ex = await Assert.ThrowsAsync<SadTalker.Inference.Imaging.MediaToolException>(
            () => WatermarkDetector.DetectAsync(Support.RepoPaths.Fixture("speech-en-10s.mp3"), CancellationToken.None));

        Assert.Contains("no video stream", ex.Message, StringComparison.Ordinal);
    }

    private async Task<WatermarkDetection> DetectAsync(string video, string attack, string prefix)
    {
        var transformation = WatermarkAttack.All.Single(a => a.Name == attack);
        var path = await transformation.ApplyAsync(video, clips.File($"{prefix}-{attack}{transformation.Extension}"), CancellationToken.None);
        return await WatermarkDetector.DetectAsync(path, CancellationToken.None);
    }
}
