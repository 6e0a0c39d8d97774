using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Models;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx;

/// <summary>The face enhancer through the whole engine on the synthetic pack (its restorer is a tiny deterministic graph).</summary>
public sealed class SadTalkerEnhancerTests(SadTalkerPackFixture fixture, ITestOutputHelper output) : IClassFixture<SadTalkerPackFixture>
{
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 });

    [Fact]
    public async Task RenderAsync_EnhancerOnCrop_FramesTwiceTheSize_OnePerAudioFrame_PointsAskedEveryFrame()
    {
        using var work = new TempDirectory();
        var audio = await ShortSpeechAsync(work.File("short.wav"), 1.3);
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 3 };
        var plain = await RenderAsync(fixture.PackDirectory, options, audio: audio);
        var points = new CountingPoints(found: false);

        var enhanced = await RenderAsync(fixture.PackDirectory, options with { Enhancer = true }, points, audio);

        Assert.Equal((plain.Width * 2, plain.Height * 2), (enhanced.Width, enhanced.Height));
        Assert.Equal(plain.Hashes.Count, enhanced.Hashes.Count);
        Assert.Equal((await AudioFeatureExtractor.ExtractFromFileAsync(audio, CancellationToken.None)).FrameCount, enhanced.Hashes.Count); // §4: ⌊N/640⌋
        Assert.Equal(32, enhanced.Hashes.Count);
        Assert.Equal(enhanced.Hashes.Count, points.Calls);
    }

    [Fact]
    public async Task RenderAsync_Enhancer_PointsDecideWhereTheFaceGoes_SameInputsSameFrames()
    {
        using var work = new TempDirectory();
        var audio = await ShortSpeechAsync(work.File("short.wav"), 0.4);
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 5, Enhancer = true };

        var fallback = await RenderAsync(fixture.PackDirectory, options, new CountingPoints(found: false), audio);
        var again = await RenderAsync(fixture.PackDirectory, options, new CountingPoints(found: false), audio);
        var moved = await RenderAsync(fixture.PackDirectory, options, new CountingPoints(found: true), audio);

        Assert.Equal(fallback.Hashes, again.Hashes);
        Assert.NotEqual(fallback.Hashes, moved.Hashes);
    }

    [Fact]
    public async Task RenderAsync_EnhancerWithBlazeFaceOnFullFrames_DoublesThePortrait()
    {
        using var work = new TempDirectory();
        var audio = await ShortSpeechAsync(work.File("short.wav"), 0.6);
        var capture = await RenderAsync(fixture.PackDirectory, new GenerationOptions { Preprocess = PreprocessMode.Full, Size = 256, Seed = 1, Still = true, Enhancer = true }, audio: audio);

        Assert.Equal((1024, 1024), (capture.Width, capture.Height)); // astronaut.png is 512²
        Assert.Equal(15, capture.Hashes.Count);
    }

    [Fact]
    public async Task RenderAsync_EnhancerOnALargePortrait_CapsTheLongSideAt2048()
    {
        using var work = new TempDirectory();
        var audio = await ShortSpeechAsync(work.File("short.wav"), 0.2);
        var astronaut = await FfmpegImageDecoder.DecodeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None);
        var large = new RgbImage(1280, 1200);
        ImageResize.Bilinear(astronaut.Pixels, 512, 512, large.Pixels, 1280, 1200);

        var capture = await RenderAsync(
            fixture.PackDirectory, new GenerationOptions { Preprocess = PreprocessMode.ExtFull, Size = 256, Seed = 1, Enhancer = true }, new CountingPoints(false), audio, large);

        Assert.Equal((2048, 1920), (capture.Width, capture.Height)); // upscale 2048/1280 = 1.6, not 2
        Assert.Equal(5, capture.Hashes.Count);
    }

    [Fact]
    public async Task RenderAsync_EnhancerWithoutGfpganInThePack_IsRefusedNamingTheFile()
    {
        using var pack = fixture.CopyPack();
        File.Delete(pack.File("gfpgan_512.onnx"));

        var ex = await Assert.ThrowsAsync<EngineInputException>(() =>
            RenderAsync(pack.Path, new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Enhancer = true }));

        Assert.Equal(EngineInputError.InvalidOptions, ex.Error);
        Assert.Contains("gfpgan_512.onnx", ex.Message, StringComparison.Ordinal);
        var plain = await RenderAsync(pack.Path, new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 1 });
        Assert.True(plain.Hashes.Count > 0, "without the enhancer the same pack still renders");
    }

    [Fact]
    public async Task RenderPipeline_EnhancerOn_WritesAnH264Mp4AtTwiceTheSize()
    {
        using var work = new TempDirectory();
        var audio = await ShortSpeechAsync(work.File("short.wav"), 1.0);
        using var engine = new SadTalkerEngine(Sessions, fixture.ModelsDirectory, fixture.PackDirectory);
        var request = new EngineRequest
        {
            PortraitPath = RepoPaths.Fixture("astronaut.png"),
            AudioPath = audio,
            Options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 2, Enhancer = true },
        };

        var progress = new RecordingProgress<EngineProgress>();

        var report = await new RenderPipeline(engine).RunAsync(new RenderJob(request, work.File("enhanced.mp4")), progress, CancellationToken.None);

        var info = await MediaProbe.ProbeAsync(report.OutputPath, CancellationToken.None);
        output.WriteLine($"{info.Video!.Width}x{info.Video.Height}, {info.Video.FrameCount} frames, stages {string.Join(", ", report.Stages)}");
        Assert.Equal("h264", info.Video.CodecName);
        Assert.Equal(512, info.Video.Width);
        Assert.True(info.Video.Height > 256 && info.Video.Height % 2 == 0, $"height {info.Video.Height}");
        Assert.Equal(25, info.Video.FrameCount);
        Assert.Equal(25, report.FrameCount);
        var enhancer = Assert.Single(report.Stages, s => s.Name == FrameEnhancer.TimingName);
        var rendering = Assert.Single(report.Stages, s => s.Name == "Rendering frames");
        Assert.InRange(enhancer.Elapsed, TimeSpan.FromTicks(1), rendering.Elapsed); // measured inside the frame stage
        Assert.Contains(progress.Reports, r => r.Notice?.StartsWith("Face enhancer: 25 frames to 512x", StringComparison.Ordinal) == true);
    }

    private async Task<FrameCapture> RenderAsync(
        string packDirectory, GenerationOptions options, IFacePointSource? points = null, string? audio = null, RgbImage? portrait = null)
    {
        using var engine = new SadTalkerEngine(Sessions, fixture.ModelsDirectory, packDirectory) { PointSource = points };
        var capture = new FrameCapture();
        var request = new EngineRequest
        {
            Portrait = portrait,
            PortraitPath = portrait is null ? RepoPaths.Fixture("astronaut.png") : null,
            AudioPath = audio ?? RepoPaths.Fixture("speech-en-short.wav"),
            Options = options,
        };
        await engine.RenderAsync(request, capture, null, CancellationToken.None);
        return capture;
    }

    /// <summary>The first <paramref name="seconds"/> of the short speech fixture (25 frames per second).</summary>
    private static async Task<string> ShortSpeechAsync(string path, double seconds)
    {
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-i", RepoPaths.Fixture("speech-en-short.wav"), "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-y", path],
            CancellationToken.None);
        return path;
    }

    /// <summary>A deterministic point source: never finds a face (the portrait's points are used), or always the same five points.</summary>
    private sealed class CountingPoints(bool found) : IFacePointSource
    {
        public int Calls { get; private set; }

        public bool TryLocate(RgbImage frame, Span<double> fivePoints)
        {
            Calls++;
            if (found)
            {
                ReadOnlySpan<double> fixedPoints = [100, 120, 150, 120, 125, 150, 105, 180, 145, 180];
                fixedPoints.CopyTo(fivePoints);
            }

            return found;
        }
    }
}
