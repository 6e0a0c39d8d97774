using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Models;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx;

/// <summary>Reference videos → 73 coefficients per frame, on real ffmpeg clips and the synthetic pack (§1 stage 2).</summary>
public sealed class ReferenceVideosTests(SadTalkerPackFixture fixture) : IClassFixture<SadTalkerPackFixture>, IDisposable
{
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 });

    private readonly TempDirectory _clips = new();
    private readonly BlazeFaceDetector _detector = new(Sessions, RepoPaths.Model("blazeface/face_detection_front_128x128_barracuda.onnx"));
    private readonly FaceRecon _recon = new(Sessions, fixture.PackDirectory, fixture.Contract);
    private readonly FaceLandmarks98 _landmarks = new(Sessions, fixture.PackDirectory, fixture.Contract);

    [Fact]
    public async Task ExtractAsync_PanningClip_OneRowPerFrame_ThatFollowTheMotion()
    {
        var clip = await ReferenceClips.PanAsync(_clips);
        var frames = new List<long>();

        var rows = await Videos().ExtractAsync(clip, "pose reference video", (done, _) => frames.Add(done), CancellationToken.None);

        Assert.Equal(ReferenceClips.PanFrames * MotionReferences.Width, rows.Length);
        Assert.Equal(Enumerable.Range(1, ReferenceClips.PanFrames).Select(i => (long)i), frames);
        Assert.All(rows, v => Assert.True(float.IsFinite(v)));
        var distinct = Enumerable.Range(0, ReferenceClips.PanFrames)
            .Select(t => string.Join(',', rows.AsSpan(t * MotionReferences.Width, MotionReferences.Width).ToArray())).Distinct().Count();
        Assert.True(distinct > ReferenceClips.PanFrames / 2, $"the pan must change the coefficients: {distinct} distinct rows of {ReferenceClips.PanFrames}");
    }

    [Fact]
    public async Task ExtractAsync_EveryFrameCroppedAt256_AsTheReferenceDoesWhateverTheRenderSize()
    {
        var clip = await ReferenceClips.PanAsync(_clips);
        var shapes = new ShapeRecorder();

        await Videos(shapes).ExtractAsync(clip, "pose reference video", null, CancellationToken.None);

        var crop = Assert.Single(shapes.Records, r => r.Stage == "reference" && r.Tensor == "image");
        Assert.Equal(new long[] { ReferenceVideos.CropSize, ReferenceVideos.CropSize, 3 }, crop.Shape);
        Assert.Equal(256, ReferenceVideos.CropSize);
        Assert.Equal(ReferenceClips.PanFrames, crop.Count);
    }

    [Fact]
    public async Task LoadAsync_SameFileForBoth_IsDecodedOnce()
    {
        var clip = await ReferenceClips.PanAsync(_clips);
        var frames = 0;
        var options = new GenerationOptions { RefEyeblinkPath = clip, RefPosePath = Path.Combine(_clips.Path, ".", "pan.mp4") };

        var references = await Videos().LoadAsync(options, (_, _) => frames++, CancellationToken.None);

        Assert.Same(references.Eyeblink, references.Pose);
        Assert.Equal(ReferenceClips.PanFrames, frames);
    }

    [Fact]
    public async Task ExtractAsync_NoFaceInTheFirstFrame_SaysWhichVideo()
    {
        var clip = await ReferenceClips.NoFaceAsync(_clips);

        var ex = await Assert.ThrowsAsync<EngineInputException>(() => Videos().ExtractAsync(clip, "eye-blink reference video", null, CancellationToken.None));

        Assert.Equal(EngineInputError.NoFaceInReferenceVideo, ex.Error);
        Assert.Contains("first frame of the eye-blink reference video (coffee.mp4)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_AudioOnlyFile_RefusedAsHavingNoVideoStream()
    {
        var ex = await Assert.ThrowsAsync<EngineInputException>(
            () => Videos().ExtractAsync(RepoPaths.Fixture("speech-en-short.wav"), "pose reference video", null, CancellationToken.None));

        Assert.Equal(EngineInputError.UnreadableReferenceVideo, ex.Error);
        Assert.Contains("pose reference video (speech-en-short.wav)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no video stream", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_LongerThanFiveMinutes_RefusedBeforeDecoding()
    {
        var clip = _clips.File("long.mp4");
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-f", "lavfi", "-i", "color=c=gray:size=32x32:rate=1", "-t", "301", "-c:v", "libx264", "-preset", "ultrafast", clip],
            CancellationToken.None);

        var ex = await Assert.ThrowsAsync<EngineInputException>(() => Videos().ExtractAsync(clip, "pose reference video", null, CancellationToken.None));

        Assert.Equal(EngineInputError.ReferenceVideoTooLong, ex.Error);
        Assert.Contains("pose reference video (long.mp4) is longer than 5 minutes", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _landmarks.Dispose();
        _recon.Dispose();
        _detector.Dispose();
        _clips.Dispose();
    }

    private ReferenceVideos Videos(IStageObserver? observer = null) => new(new FaceLandmarker(_detector, _landmarks), _recon, PreprocessMode.Crop, observer);
}
