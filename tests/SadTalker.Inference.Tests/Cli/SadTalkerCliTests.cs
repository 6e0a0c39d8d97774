using System.Globalization;
using System.Text.Json;
using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Media;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx;
using SadTalker.Inference.Tests.Models;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Cli;

/// <summary>
/// The SadTalker engine through the real command line (a child process) on the synthetic contract pack: every
/// preprocess mode, still on/off, 256/512, enhancer on/off, free view, reference eye-blink/pose videos; the tensor shapes at each stage boundary come from
/// <c>generate --trace-shapes</c>, the video is checked with ffprobe.
/// </summary>
public sealed class SadTalkerCliTests(SadTalkerPackFixture fixture) : IClassFixture<SadTalkerPackFixture>
{
    private static readonly string Audio = RepoPaths.Fixture("speech-en-short.wav");

    [Theory]
    [InlineData("crop", 256, false, 2, "--enhancer", "")]
    [InlineData("extcrop", 512, true, 3, "", "blink")]
    [InlineData("resize", 256, false, 1, "--input-yaw=0,20,-20", "")]
    [InlineData("full", 256, true, 4, "--input-pitch=-10,10 --enhancer", "pose")]
    [InlineData("extfull", 512, false, 2, "--input-roll=5", "")]
    [InlineData("crop", 512, false, 5, "", "blink pose")]
    public async Task Generate_EveryStageHasTheContractShapes_AndTheVideoOneFramePerAudioFrame(
        string mode, int size, bool still, int batch, string extra, string references)
    {
        using var work = new TempDirectory();
        var (video, trace) = (Path.Combine(work.Path, "out.mp4"), Path.Combine(work.Path, "trace.json"));
        var clip = references.Length > 0 ? await ReferenceClips.PanAsync(work) : null;
        var referenceArgs = references.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(r => new[] { r == "blink" ? "--ref-eyeblink" : "--ref-pose", clip! }).ToArray();
        string[] args = [
            "generate", "--engine", "sadtalker", "--pack", fixture.PackDirectory, "--models", fixture.ModelsDirectory,
            "--image", RepoPaths.Fixture("astronaut.png"), "--audio", Audio, "--out", video, "--device", "cpu",
            "--preprocess", mode, "--size", size.ToString(CultureInfo.InvariantCulture), "--batch-size", batch.ToString(CultureInfo.InvariantCulture),
            "--seed", "5", "--quiet", "--trace-shapes", trace,
            .. still ? ["--still"] : Array.Empty<string>(),
            .. extra.Length > 0 ? extra.Split(' ') : [],
            .. referenceArgs];

        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        var frames = (await AudioFeatureExtractor.ExtractFromFileAsync(Audio, default)).FrameCount;
        var shapes = Trace.Load(trace);
        var full = mode is "full" or "extfull";
        // §3 on the portrait, plus once per frame of the reference clip (read once when both options name it).
        shapes.AssertSourceAndMotion(frames, 1 + (clip is null ? 0 : ReferenceClips.PanFrames));
        shapes.AssertRenderer(frames, size, full ? 73 : 70);
        shapes.AssertEngineSteps(frames, size, full ? 73 : 70, references);

        var info = await MediaProbe.ProbeAsync(video, default);
        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.Equal(frames, info.Video.FrameCount);
        var enhanced = extra.Contains("--enhancer", StringComparison.Ordinal);
        var expectedWidth = (full ? 512 : size) * (enhanced ? 2 : 1); // full modes paste into the 512² portrait; §8 enhancer output is 2×
        Assert.Equal(expectedWidth, info.Video.Width);
        if (enhanced)
        {
            shapes.AssertEnhancer(frames);
        }
    }

    [Fact]
    public async Task Generate_PackWithARenamedInput_FailsNamingTheModelAndTensor()
    {
        using var pack = fixture.CopyPack();
        File.Copy(fixture.Variant("expnet_renamed"), pack.File("expnet.onnx"), overwrite: true);
        using var work = new TempDirectory();

        var result = await CliProcess.RunAsync(
            "generate", "--engine", "sadtalker", "--pack", pack.Path, "--models", fixture.ModelsDirectory,
            "--image", RepoPaths.Fixture("astronaut.png"), "--audio", Audio, "--out", Path.Combine(work.Path, "out.mp4"),
            "--device", "cpu", "--preprocess", "crop", "--size", "256", "--quiet");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("expnet", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("blink_ratio", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(work.Path, "out.mp4")), "no half-written video");
    }

    [Fact]
    public async Task ModelsVerify_GoodPackPasses_AndAWrongDimIsReportedPrecisely()
    {
        using var pack = fixture.CopyPack();
        var good = await CliProcess.RunAsync("models", "verify", "--pack", pack.Path, "--models", fixture.ModelsDirectory);
        File.Copy(fixture.Variant("expnet_wrong_dim"), pack.File("expnet.onnx"), overwrite: true);
        var bad = await CliProcess.RunAsync("models", "verify", "--pack", pack.Path, "--models", fixture.ModelsDirectory);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("input 'mel' dim 2 is 64", bad.StdOut + bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsVerify_PackWithoutTheLandmarkModel_FailsNamingTheFile()
    {
        using var pack = fixture.CopyPack();
        File.Delete(pack.File("face_landmarks_98.onnx"));

        var result = await CliProcess.RunAsync("models", "verify", "--pack", pack.Path, "--models", fixture.ModelsDirectory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("MISSING  face-landmarks (face_landmarks_98.onnx)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("face_landmarks_98.onnx is missing", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>The distinct shapes <c>--trace-shapes</c> wrote, with the checks every render must pass.</summary>
    private sealed class Trace(List<Trace.Row> rows)
    {
        public static Trace Load(string path) =>
            new(JsonSerializer.Deserialize<List<Row>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

        /// <summary>§3 recon on 224² crops (the portrait and each reference frame); §5 ExpNet saw every frame once; §6 PoseVAE one run per 32-frame chunk.</summary>
        public void AssertSourceAndMotion(int frames, int faces)
        {
            AssertOnly("face-recon", "in:image", 1, 3, 224, 224);
            AssertOnly("face-recon", "out:coeffs", 1, 257);
            Assert.Equal(faces, Of("face-recon", "in:image").Single().Count);
            Assert.All(Of("expnet", "in:mel"), r => Assert.Equal(new long[] { 1, 80, 16 }, r.Shape[1..]));
            Assert.Equal(frames, Of("expnet", "in:mel").Sum(r => r.Shape[0] * r.Count));
            Assert.Equal(frames, Of("expnet", "out:exp").Sum(r => r.Shape[0] * r.Count));
            Assert.All(Of("expnet", "out:exp"), r => Assert.Equal(64, r.Shape[1]));
            AssertOnly("posevae", "in:mel", 1, PoseChunkPlan.ChunkLength, 1, 80, 16);
            Assert.Equal(PoseChunkPlan.Create(frames).ChunkCount, Of("posevae", "in:mel").Single().Count);
            AssertOnly("posevae", "out:motion", 1, PoseChunkPlan.ChunkLength, 6);
        }

        /// <summary>§7: MappingNet windows (B, C, 27) for every frame plus the source window; one keypoint detection; B×S² frames.</summary>
        public void AssertRenderer(int frames, int size, int channels)
        {
            var mapping = channels == 73 ? "mapping-73" : "mapping-70";
            Assert.All(Of(mapping, "in:coeffs"), r => Assert.Equal(new long[] { channels, SemanticWindows.Length }, r.Shape[1..]));
            Assert.Equal(frames + 1, Of(mapping, "in:coeffs").Sum(r => r.Shape[0] * r.Count));
            AssertOnly($"kp-detector-{size}", "out:kp_canonical", 1, 15, 3);
            var renderer = rows.Any(r => r.Stage == $"generator-decoder-{size}") ? $"generator-decoder-{size}" : $"generator-{size}";
            Assert.All(Of(renderer, "out:prediction"), r => Assert.Equal(new long[] { 3, size, size }, r.Shape[1..]));
            Assert.All(Of(renderer, "in:kp_driving"), r => Assert.Equal(new long[] { 15, 3 }, r.Shape[1..]));
            Assert.Equal(frames, Of(renderer, "out:prediction").Sum(r => r.Shape[0] * r.Count));
        }

        /// <summary>The engine's own hand-offs: §2 source crop S×S, §3 coeff_3dmm 1×73, §1 stage 2 reference rows N×73, §6 T×70, §7 T×C, the sink's frame.</summary>
        public void AssertEngineSteps(int frames, int size, int channels, string references)
        {
            AssertOnly("source", "image", size, size, 3);
            AssertOnly("source", "coeff_3dmm", 1, 73);
            foreach (var name in new[] { "eyeblink", "pose" })
            {
                if (references.Contains(name == "eyeblink" ? "blink" : "pose", StringComparison.Ordinal))
                {
                    AssertOnly("reference", name, ReferenceClips.PanFrames, 73);
                }
                else
                {
                    Assert.DoesNotContain(rows, r => r.Stage == "reference" && r.Tensor == name);
                }
            }

            if (references.Length > 0)
            {
                AssertOnly("reference", "image", ReferenceVideos.CropSize, ReferenceVideos.CropSize, 3); // 256 at any render size
            }

            AssertOnly("motion", "coeff_3dmm", frames, 70);
            AssertOnly("facerender", "coeffs", frames, channels);
            Assert.Single(Of("output", "frame"));
        }

        /// <summary>§8: one FFHQ-aligned 512² face per frame through the restorer.</summary>
        public void AssertEnhancer(int frames)
        {
            AssertOnly("enhancer-512", "in:input", 1, 3, 512, 512);
            AssertOnly("enhancer-512", "out:output", 1, 3, 512, 512);
            Assert.Equal(frames, Of("enhancer-512", "in:input").Single().Count);
        }

        /// <summary>Exactly one distinct shape was seen for the tensor, and it is <paramref name="shape"/>.</summary>
        public void AssertOnly(string stage, string tensor, params long[] shape)
        {
            var seen = Of(stage, tensor);
            Assert.True(seen.Count == 1 && seen[0].Shape.SequenceEqual(shape),
                $"{stage} {tensor}: expected only [{string.Join(", ", shape)}], saw {string.Join("; ", seen.Select(r => $"[{string.Join(", ", r.Shape)}]"))}");
        }

        private List<Row> Of(string stage, string tensor)
        {
            var found = rows.Where(r => r.Stage == stage && r.Tensor == tensor).ToList();
            Assert.True(found.Count > 0, $"no {stage} {tensor} in the trace; it has: {string.Join("; ", rows.Select(r => $"{r.Stage} {r.Tensor}").Distinct())}");
            return found;
        }

        public sealed record Row(string Stage, string Tensor, long[] Shape, int Count);
    }
}
