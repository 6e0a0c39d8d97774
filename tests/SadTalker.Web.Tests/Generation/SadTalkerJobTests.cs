using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Media;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Generation.References;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>The SadTalker engine through the job system, on a synthetic contract pack (shapes are real, pixels are not).</summary>
public sealed class SadTalkerJobTests(SadTalkerWorld fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SadTalkerWorld>
{
    private GenerationWorld World => fixture.World;

    [Fact]
    public void Engine_IsListedAvailable_WithTheVerifiedPack()
    {
        var engine = World.Get<GenerationEngines>().Find(SadTalkerEngine.EngineId);

        Assert.NotNull(engine);
        var availability = engine.CheckAvailability();
        Assert.True(availability.IsAvailable, availability.Reason);
        Assert.Contains("verified", availability.Reason, StringComparison.Ordinal);
        Assert.Contains("256, 512", availability.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_ReportsThePack()
    {
        using var client = World.App.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement.GetProperty("sadTalkerPack");

        Assert.True(json.GetProperty("ok").GetBoolean(), json.GetProperty("detail").GetString());
        Assert.Contains(fixture.PackDirectory, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PreprocessMode.Crop, 256, false, false)]
    [InlineData(PreprocessMode.Full, 256, true, true)]
    [InlineData(PreprocessMode.ExtCrop, 512, false, false)]
    [InlineData(PreprocessMode.Resize, 256, true, false)]
    [InlineData(PreprocessMode.ExtFull, 256, false, true)]
    public async Task Job_RendersOneFramePerAudioFrame_AsValidMp4(PreprocessMode mode, int size, bool still, bool enhancer)
    {
        var audioPath = RepoPaths.Fixture("speech-en-short.wav");
        var audio = await World.UploadAudioAsync(audioPath);
        var settings = new JobSettings
        {
            Preprocess = mode, Size = size, Still = still, Enhancer = enhancer, Seed = 11, BatchSize = 3, InputYaw = [0, 20], WatermarkText = "AI-generated",
        };

        fixture.Shapes.Clear();
        var id = await SubmitAsync(audio, settings);
        var job = await World.WaitFinishedAsync(id, 300);

        Assert.True(job.State == GenerationJobState.Succeeded, $"{job.State}: {job.Error}");
        var expected = (await AudioFeatureExtractor.ExtractFromFileAsync(audioPath, default)).FrameCount; // §4: ⌊N/640⌋ at 16 kHz
        AssertStageShapes(expected, size, mode is PreprocessMode.Full or PreprocessMode.ExtFull ? 73 : 70);
        Assert.Equal(expected, job.FramesTotal);
        Assert.Equal(expected, job.FramesDone);
        var info = await MediaProbe.ProbeAsync(World.Get<BlobStore>().PathOf(job.VideoSha256!), default);
        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.Equal(expected, info.Video.FrameCount);
        // crop modes give the face crop (resize: the whole 512² portrait squashed to size²); full modes paste back
        // into the 512x512 portrait; the enhancer doubles the frame (§8).
        var side = (mode is PreprocessMode.Full or PreprocessMode.ExtFull ? 512 : size) * (enhancer ? 2 : 1);
        Assert.Equal((side, side), (info.Video.Width, info.Video.Height));
        var restored = fixture.Shapes.Records.Where(r => r.Stage == "enhancer-512" && r.Tensor == "in:input").Sum(r => r.Count);
        Assert.Equal(enhancer ? expected : 0, restored);
        Assert.Equal(SadTalkerEngine.EngineId, job.EngineId);
        Assert.Contains("expnet.onnx", job.ModelVersions, StringComparison.Ordinal);
        Assert.Equal(0, World.TempEntries());
        output.WriteLine($"{mode} {size} still={still} enhancer={enhancer}: {expected} frames, timings {job.TimingsJson}");
    }

    [Fact]
    public async Task Job_WithOneReferenceVideoForBlinkAndPose_ReadsItOnce_AndEveryFrameGoesThrough3dmm()
    {
        var clip = Path.Combine(World.Get<BlobStore>().TempDir, $"{Guid.NewGuid():N}.mp4");
        await ReferenceVideoWorld.MakeVideoAsync(clip, 1.2, "libx264", size: 200); // 30 frames at 25 fps
        var staged = await World.Get<UploadReferenceVideo>().HandleAsync(World.Editor, World.Team, clip, "nod.mp4", default);
        Assert.True(staged.Succeeded, staged.Message);
        var settings = new JobSettings { Preprocess = PreprocessMode.Crop, Size = 256, Seed = 2, BatchSize = 4, WatermarkText = "AI-generated" };

        fixture.Shapes.Clear();
        var result = await World.Get<SubmitGeneration>().HandleAsync(new(
            World.Editor, World.Team, World.Portrait, World.Speech, SadTalkerEngine.EngineId, settings, PermittedUse.Internal, "127.0.0.1",
            new ReferenceVideoUploads(staged.Value!.Token, staged.Value.Token)));
        Assert.True(result.Succeeded, $"{result.Code}: {result.Message}");
        var job = await World.WaitFinishedAsync(result.Value!.JobId, 300);

        Assert.True(job.State == GenerationJobState.Succeeded, $"{job.State}: {job.Error}");
        Assert.Equal(job.RefEyeblinkSha256, job.RefPoseSha256);
        // §1 stage 2: the portrait once, then every frame of the reference video (one read serves both options).
        Assert.Equal(1 + 30, fixture.Shapes.Records.Single(r => r.Stage == "face-recon" && r.Tensor == "in:image").Count);
        Assert.Equal(job.FramesTotal, job.FramesDone);
        var info = await MediaProbe.ProbeAsync(World.Get<BlobStore>().PathOf(job.VideoSha256!), default);
        Assert.Equal(job.FramesTotal, info.Video!.FrameCount);
        Assert.Contains(JobLog.Parse(job.LogJson), l => l.Message.Contains("nod.mp4", StringComparison.Ordinal));
        Assert.Equal(0, World.TempEntries());
    }

    [Fact]
    public async Task Submit_RefusesOptionsTheEngineCannotDo_WithTheReason()
    {
        var result = await World.Get<SubmitGeneration>().HandleAsync(new(
            World.Editor, World.Team, World.Portrait, World.Speech, SadTalkerEngine.EngineId,
            new JobSettings { Size = 1024, InputPitch = [120] }, PermittedUse.Internal, "127.0.0.1"));

        Assert.False(result.Succeeded);
        Assert.Contains("Size 1024 is not supported", result.Message, StringComparison.Ordinal);
        Assert.Contains("pitch angles must be between -90 and 90", result.Message, StringComparison.Ordinal);
    }

    /// <summary>Shapes at the stage boundaries of the job's render (the app's IStageObserver): every frame through ExpNet, MappingNet and the renderer.</summary>
    private void AssertStageShapes(int frames, int size, int channels)
    {
        var records = fixture.Shapes.Records;
        long Frames(string stage, string tensor) => records.Where(r => r.Stage == stage && r.Tensor == tensor).Sum(r => r.Shape[0] * r.Count);
        Assert.Equal(new long[] { 1, 3, 224, 224 }, Assert.Single(fixture.Shapes.ShapesOf("face-recon", "in:image")));
        Assert.Equal(frames, Frames("expnet", "in:mel"));
        Assert.All(fixture.Shapes.ShapesOf($"mapping-{channels}", "in:coeffs"), s => Assert.Equal(new long[] { channels, 27 }, s[1..]));
        Assert.Equal(frames + 1, Frames($"mapping-{channels}", "in:coeffs")); // + the source window
        Assert.Equal(new long[] { 1, 15, 3 }, Assert.Single(fixture.Shapes.ShapesOf($"kp-detector-{size}", "out:kp_canonical")));
        Assert.All(fixture.Shapes.ShapesOf($"generator-decoder-{size}", "out:prediction"), s => Assert.Equal(new long[] { 3, size, size }, s[1..]));
        Assert.Equal(frames, Frames($"generator-decoder-{size}", "out:prediction"));
    }

    private async Task<Guid> SubmitAsync(Guid audio, JobSettings settings)
    {
        var result = await World.Get<SubmitGeneration>().HandleAsync(new(
            World.Editor, World.Team, World.Portrait, audio, SadTalkerEngine.EngineId, settings, PermittedUse.Internal, "127.0.0.1"));
        Assert.True(result.Succeeded, $"{result.Code}: {result.Message}");
        return result.Value!.JobId;
    }
}
