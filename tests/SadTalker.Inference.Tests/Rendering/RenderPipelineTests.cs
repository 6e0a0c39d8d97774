using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Rendering;

/// <summary>Studio Lite through the real pipeline and encoder: the file, the lip sync, the watermark, failures.</summary>
public sealed class RenderPipelineTests(StudioLiteFixture fixture, ITestOutputHelper output) : IClassFixture<StudioLiteFixture>
{
    [Fact]
    public async Task RunAsync_AstronautSpeech_FaststartH264AacAsLongAsTheAudio()
    {
        var path = fixture.File("speech.mp4");
        var progress = new RecordingProgress<EngineProgress>();

        var report = await Pipeline().RunAsync(Job(fixture.Speech, path), progress, CancellationToken.None);

        var audio = await MediaProbe.ProbeAsync(fixture.Speech, CancellationToken.None);
        var info = await MediaProbe.ProbeAsync(path, CancellationToken.None);
        output.WriteLine($"audio {audio.Duration}, video {info.Duration}, stages {string.Join(", ", report.Stages)}");
        Assert.Equal((path, 512, 512, 277L), (report.OutputPath, report.Width, report.Height, report.FrameCount));
        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal("yuv420p", info.Video.PixelFormat);
        Assert.Equal(25.0, info.Video.FrameRate);
        Assert.Equal(277, info.Video.FrameCount);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.InRange((info.Duration!.Value - audio.Duration!.Value).Duration().TotalSeconds, 0, 0.1);
        var boxes = Mp4Boxes.TopLevel(path).Select(b => b.Type).ToList();
        Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), "faststart: moov before mdat");

        Assert.Equal(
            ["Detecting face", "Analysing audio", "Rendering frames", "Finishing video"],
            report.Stages.Select(s => s.Name));
        var reports = progress.Reports;
        Assert.All(reports, r => Assert.Equal(4, r.StageCount));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Percent >= p.First.Percent), "percent never goes back");
        Assert.Equal(100, reports[^1].Percent);
        Assert.Contains(reports, r => r.Eta is not null);
        var previews = reports.Where(r => r.Preview is not null).ToList();
        var frames = report.Stages.Single(s => s.Name == "Rendering frames").Elapsed;
        Assert.InRange(previews.Count, 1, 1 + (int)(frames.TotalSeconds / 2));
        Assert.All(previews, p => Assert.Equal((160, 160, 160 * 160 * 3), (p.Preview!.Width, p.Preview.Height, p.Preview.Rgb24.Length)));
    }

    /// <remarks>
    /// Two readings of "mean absolute frame difference in the mouth box": against a closed-mouth frame (the
    /// quietest one), which measures how far the mouth is open and should follow the loudness; and against the
    /// previous frame, which measures how fast the mouth moves. The second peaks when a syllable starts or ends, not
    /// while it is loud, so it is compared with the change of loudness instead (with the loudness itself it is
    /// about 0 on this fixture, whose speech has almost no pauses).
    /// </remarks>
    [Fact]
    public async Task RunAsync_Speech_MouthMovementFollowsLoudness()
    {
        var path = fixture.File("lipsync.mp4");
        await Pipeline().RunAsync(Job(fixture.Speech, path), null, CancellationToken.None);

        var loudness = (await AudioFeatureExtractor.ExtractFromFileAsync(fixture.Speech, CancellationToken.None))
            .Loudness.ToArray().Select(v => (double)v).ToArray();
        var change = loudness.Select((v, i) => i == 0 ? 0 : Math.Abs(v - loudness[i - 1])).ToArray();
        var quietest = Array.IndexOf(loudness, loudness.Min());
        var box = PixelRect.Mouth(fixture.AstronautFace, 512, 512);
        var (motion, opening) = await LipSyncMeter.MeasureAsync(path, box, quietest);

        var rOpening = LipSyncMeter.Pearson(opening, loudness);
        var rMotion = LipSyncMeter.Pearson(motion, change);
        output.WriteLine(
            $"mouth box {box}, closed reference frame {quietest}; Pearson r: opening vs loudness {rOpening:F3}, " +
            $"frame-to-frame vs |loudness change| {rMotion:F3}, frame-to-frame vs loudness {LipSyncMeter.Pearson(motion, loudness):F3}");
        Assert.True(rOpening > 0.5, $"mouth opening vs loudness r = {rOpening:F3}");
        Assert.True(rMotion > 0.4, $"mouth motion vs loudness change r = {rMotion:F3}");
    }

    [Fact]
    public async Task RunAsync_TwoSecondsOfSilenceThenSpeech_MouthStillDuringTheSilence()
    {
        var audio = await TestAudio.SilenceThenAsync(fixture.File("silence-speech.wav"), 2, fixture.Speech);
        var path = fixture.File("silence-speech.mp4");
        await Pipeline().RunAsync(Job(audio, path), null, CancellationToken.None);

        var box = PixelRect.Mouth(fixture.AstronautFace, 512, 512);
        var (motion, opening) = await LipSyncMeter.MeasureAsync(path, box, 0);

        // Frames 1-49 are silent (the head still sways slowly); speech starts at frame 50.
        var silent = motion[1..48];
        var speaking = motion[55..];
        output.WriteLine($"silence: mean {silent.Average():F3} max {silent.Max():F3}; speech: mean {speaking.Average():F3}; " +
            $"opening in silence max {opening[..48].Max():F3}, in speech max {opening[50..].Max():F3}");
        Assert.True(silent.Max() < 1.0, $"silent mouth changes by {silent.Max():F3} grey levels between frames (limit 1.0)");
        Assert.True(silent.Average() < 0.2 * speaking.Average(), "the mouth moves at least 5x more while speaking");
    }

    [Fact]
    public async Task RunAsync_Watermark_BurnedIntoTheBottomRight()
    {
        var audio = RepoPaths.Fixture("speech-en-short.wav");
        var plain = fixture.File("plain.mp4");
        var marked = fixture.File("marked.mp4");
        var filter = new VisibleWatermarkFilter("SadTalker Studio");
        await Pipeline().RunAsync(Job(audio, plain, seed: 9), null, CancellationToken.None);
        await Pipeline().RunAsync(Job(audio, marked, seed: 9) with { Filters = [filter] }, null, CancellationToken.None);

        var (x, y, w, h) = filter.Box;
        var a = await FfmpegImageDecoder.DecodeAsync(plain, CancellationToken.None);
        var b = await FfmpegImageDecoder.DecodeAsync(marked, CancellationToken.None);
        var text = new PixelRect(x, y, w, h);
        var corner = new PixelRect(0, 0, 100, 100);
        Assert.True(x + w > 400 && y + h > 400, $"box {filter.Box} is bottom-right");
        Assert.True(Mean(text.Copy(b.Pixels, 512)) > Mean(text.Copy(a.Pixels, 512)) + 15, "the text brightens its box");
        Assert.InRange(FrameCapture.MeanAbsoluteDifference(corner.Copy(a.Pixels, 512), corner.Copy(b.Pixels, 512)), 0, 1.5);
    }

    [Fact]
    public async Task RunAsync_CancelledMidRender_NoOutputAndNoTempFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cancelled.mp4");
        using var cancel = new CancellationTokenSource();
        var job = Job(fixture.Speech, path) with { Filters = [new CancelAtFrame(cancel, 60)] };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline().RunAsync(job, null, cancel.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task RunAsync_NoFace_RefusedAndNothingWritten()
    {
        using var temp = new TempDirectory();
        var job = new RenderJob(
            new EngineRequest { PortraitPath = RepoPaths.Fixture("coffee.png"), AudioPath = fixture.Speech }, temp.File("x.mp4"));

        var error = await Assert.ThrowsAsync<EngineInputException>(() => Pipeline().RunAsync(job, null, CancellationToken.None));

        Assert.Equal(EngineInputError.NoFace, error.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task RunAsync_SilentAudio_ValidVideoWithAClosedMouth()
    {
        var audio = await TestAudio.SilenceAsync(fixture.File("silent.wav"), 1.5);
        var path = fixture.File("silent.mp4");

        var report = await Pipeline().RunAsync(
            Job(audio, path) with { Request = Request(audio) with { Options = new GenerationOptions { Still = true } } },
            null,
            CancellationToken.None);

        Assert.Equal(37, report.FrameCount);
        var (motion, _) = await LipSyncMeter.MeasureAsync(path, PixelRect.Mouth(fixture.AstronautFace, 512, 512), 0);
        Assert.InRange(motion.Max(), 0, 0.5);
    }

    [Fact]
    public async Task RunAsync_Size1024_Encodes1024()
    {
        var path = fixture.File("big.mp4");
        var job = Job(RepoPaths.Fixture("speech-en-short.wav"), path);

        var report = await Pipeline().RunAsync(
            job with { Request = job.Request with { Options = new GenerationOptions { Size = 1024, Seed = 1 } } }, null, CancellationToken.None);

        var info = await MediaProbe.ProbeAsync(path, CancellationToken.None);
        Assert.Equal((1024, 1024), (report.Width, report.Height));
        Assert.Equal((1024, 1024), (info.Video!.Width, info.Video.Height));
    }

    private static double Mean(byte[] pixels) => pixels.Average(b => (double)b);

    private RenderPipeline Pipeline() => new(fixture.Engine);

    private EngineRequest Request(string audio, int seed = 1) =>
        new() { Portrait = fixture.Astronaut, AudioPath = audio, Options = new GenerationOptions { Seed = seed } };

    private RenderJob Job(string audio, string path, int seed = 1) => new(Request(audio, seed), path);

    private sealed class CancelAtFrame(CancellationTokenSource cancel, int frame) : IFrameFilter
    {
        public void Begin(int width, int height, int frameCount)
        {
        }

        public void Apply(Span<byte> rgb24, long frameIndex)
        {
            if (frameIndex == frame)
            {
                cancel.Cancel();
            }
        }
    }
}
