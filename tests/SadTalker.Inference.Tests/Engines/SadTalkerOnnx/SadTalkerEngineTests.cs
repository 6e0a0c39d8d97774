using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Models;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx;

/// <summary>The whole engine on the synthetic contract pack (tiny deterministic graphs): shapes, counts, seeding, errors.</summary>
public sealed class SadTalkerEngineTests(SadTalkerPackFixture fixture) : IClassFixture<SadTalkerPackFixture>
{
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 });

    [Theory]
    [InlineData(PreprocessMode.Crop, 256)]
    [InlineData(PreprocessMode.ExtCrop, 512)]
    [InlineData(PreprocessMode.Resize, 256)]
    public async Task RenderAsync_CropModes_OneFramePerAudioFrameAtTheCropAspect(PreprocessMode mode, int size)
    {
        var (capture, frames) = await RenderAsync(fixture.PackDirectory, new GenerationOptions { Preprocess = mode, Size = size, Seed = 3, BatchSize = 3 });

        Assert.Equal(frames, capture.Announced);
        Assert.Equal(frames, capture.Hashes.Count);
        Assert.Equal(size, capture.Width);
        Assert.True(capture.Height % 2 == 0 && capture.Height > size / 2, $"height {capture.Height}");
        Assert.True(capture.Hashes.Distinct().Count() > frames / 2, $"speech and head motion must reach the pixels: {capture.Hashes.Distinct().Count()} distinct of {frames}");
    }

    [Fact]
    public async Task RenderAsync_SameSeed_SameFrames_AndFreeViewChangesThem()
    {
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 11 };
        var (first, _) = await RenderAsync(fixture.PackDirectory, options);
        var (second, _) = await RenderAsync(fixture.PackDirectory, options);
        var (turned, _) = await RenderAsync(fixture.PackDirectory, options with { InputYaw = [-30, 30], Still = true });

        Assert.Equal(first.Hashes, second.Hashes);
        Assert.NotEqual(first.Hashes, turned.Hashes);
    }

    [Theory]
    [InlineData(PreprocessMode.Full)]
    [InlineData(PreprocessMode.ExtFull)]
    public async Task RenderAsync_FullModes_PasteIntoThePortraitAtItsSize(PreprocessMode mode)
    {
        var (capture, frames) = await RenderAsync(fixture.PackDirectory, new GenerationOptions { Preprocess = mode, Size = 256, Seed = 1, Still = true });

        Assert.Equal((512, 512), (capture.Width, capture.Height)); // astronaut.png
        Assert.Equal(frames, capture.Hashes.Count);
    }

    [Fact]
    public async Task RenderAsync_WrongTensorInPack_FailsNamingModelAndTensor()
    {
        using var pack = fixture.CopyPack();
        File.Copy(fixture.Variant("expnet_wrong_dim"), pack.File("expnet.onnx"), overwrite: true);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => RenderAsync(pack.Path, new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256 }));

        Assert.Contains("expnet", ex.Message, StringComparison.Ordinal);
        Assert.Contains("input 'mel' dim 2 is 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_NoLandmarkModel_UnavailableAndRefusedNamingTheFile_NoNoticeOtherwise()
    {
        using var without = fixture.CopyPack();
        File.Delete(without.File("face_landmarks_98.onnx"));
        using var engine = new SadTalkerEngine(Sessions, fixture.ModelsDirectory, without.Path);
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 5, Still = true };
        var reports = new RecordingProgress<EngineProgress>();

        var availability = engine.CheckAvailability();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(without.Path, options));
        var (capture, frames) = await RenderAsync(fixture.PackDirectory, options, reports);

        Assert.False(availability.IsAvailable);
        Assert.Contains("face_landmarks_98.onnx is missing", availability.Reason, StringComparison.Ordinal);
        Assert.Contains("face_landmarks_98.onnx is missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal(frames, capture.Hashes.Count);
        Assert.DoesNotContain(reports.Reports, r => r.Notice is not null); // no fallback left to report
    }

    [Fact]
    public async Task RenderAsync_ReferenceVideos_OneFramePerAudioFrame_ReportedInTheMotionStage_AndChangeTheFrames()
    {
        using var clips = new TempDirectory();
        var clip = await ReferenceClips.PanAsync(clips);
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 4 };
        var reports = new RecordingProgress<EngineProgress>();

        var (plain, frames) = await RenderAsync(fixture.PackDirectory, options);
        var (driven, _) = await RenderAsync(fixture.PackDirectory, options with { RefEyeblinkPath = clip, RefPosePath = clip }, reports);

        Assert.Equal(frames, driven.Hashes.Count);
        Assert.NotEqual(plain.Hashes, driven.Hashes);
        var motion = reports.Reports.Where(r => r.Stage == "Audio to motion").Select(r => r.Percent).ToList();
        Assert.True(motion.Count > ReferenceClips.PanFrames, $"one motion report per reference frame (read once for both options): {motion.Count}");
        Assert.Equal(motion.Order(), motion);
    }

    [Fact]
    public async Task RenderAsync_Size512WithAReferenceVideo_CropsTheSourceAt512AndTheReferenceAt256()
    {
        using var clips = new TempDirectory();
        var clip = await ReferenceClips.PanAsync(clips);
        var shapes = new ShapeRecorder();
        var sessions = new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1, StageObserver = shapes });
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 512, Seed = 4, Still = true, RefPosePath = clip };

        await RenderAsync(fixture.PackDirectory, options, sessions: sessions);

        Assert.Equal([new long[] { 512, 512, 3 }], shapes.ShapesOf("source", "image"));
        Assert.Equal([new long[] { 256, 256, 3 }], shapes.ShapesOf("reference", "image"));
        Assert.Equal(ReferenceClips.PanFrames, shapes.Records.Single(r => r.Stage == "reference" && r.Tensor == "image").Count);
        // The 3DMM network sees the portrait once and every reference frame once, each aligned to 224².
        Assert.Equal(1 + ReferenceClips.PanFrames, shapes.Records.Single(r => r.Stage == "face-recon" && r.Tensor == "in:image").Count);
    }

    [Fact]
    public async Task RenderAsync_AudioFileAsReferenceVideo_RefusedBeforeAnyFrame()
    {
        var options = new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256, RefPosePath = RepoPaths.Fixture("speech-en-short.wav") };

        var ex = await Assert.ThrowsAsync<EngineInputException>(() => RenderAsync(fixture.PackDirectory, options));

        Assert.Equal(EngineInputError.UnreadableReferenceVideo, ex.Error);
        Assert.Contains("The pose reference video (speech-en-short.wav) could not be used: it has no video stream", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_LandmarkModelCollapsingThePoints_IsRefusedAsNoFace_WithTheBoxSize()
    {
        using var pack = fixture.CopyPack();
        File.Copy(fixture.Variant("landmarks_collapsed"), pack.File("face_landmarks_98.onnx"), overwrite: true);

        var ex = await Assert.ThrowsAsync<EngineInputException>(() => RenderAsync(pack.Path, new GenerationOptions { Preprocess = PreprocessMode.Crop, Size = 256 }));

        Assert.Equal(EngineInputError.NoFace, ex.Error);
        Assert.Contains("too small to animate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAvailability_ReflectsThePack()
    {
        using var empty = new TempDirectory();
        using var missing = new SadTalkerEngine(Sessions, fixture.ModelsDirectory, Path.Combine(empty.Path, "none"));
        using var present = new SadTalkerEngine(Sessions, fixture.ModelsDirectory, fixture.PackDirectory);

        Assert.False(missing.CheckAvailability().IsAvailable);
        Assert.Contains("not found", missing.CheckAvailability().Reason, StringComparison.Ordinal);
        Assert.True(present.CheckAvailability().IsAvailable);
    }

    private async Task<(FrameCapture Capture, int Frames)> RenderAsync(
        string packDirectory, GenerationOptions options, IProgress<EngineProgress>? progress = null, SessionFactory? sessions = null)
    {
        using var engine = new SadTalkerEngine(sessions ?? Sessions, fixture.ModelsDirectory, packDirectory);
        var audio = RepoPaths.Fixture("speech-en-short.wav");
        var capture = new FrameCapture();
        var request = new EngineRequest { PortraitPath = RepoPaths.Fixture("astronaut.png"), AudioPath = audio, Options = options };
        await engine.RenderAsync(request, capture, progress, CancellationToken.None);
        var features = await AudioFeatureExtractor.ExtractFromFileAsync(audio, CancellationToken.None);
        return (capture, features.FrameCount); // §4: F = ⌊N/640⌋ of the 16 kHz audio
    }
}
