using SadTalker.Inference.Engines;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines;

/// <summary>The built-in engine end to end into an in-memory sink (no encoder), on the astronaut portrait.</summary>
public sealed class StudioLiteEngineTests(StudioLiteFixture fixture) : IClassFixture<StudioLiteFixture>
{
    [Fact]
    public async Task RenderAsync_SameSeed_IdenticalFrames()
    {
        var first = await RenderAsync(RepoPaths.Fixture("speech-en-short.wav"), new GenerationOptions { Seed = 5 });
        var second = await RenderAsync(RepoPaths.Fixture("speech-en-short.wav"), new GenerationOptions { Seed = 5 });

        Assert.Equal(89, first.Hashes.Count);
        Assert.Equal(first.Hashes, second.Hashes);
        Assert.True(first.Hashes.Distinct().Count() > 40, "the frames are animated, not one still");
    }

    [Fact]
    public async Task RenderAsync_DifferentSeeds_BlinkAtDifferentTimes()
    {
        var blinks1 = await BlinkFramesAsync(seed: 1);
        var blinks2 = await BlinkFramesAsync(seed: 2);

        // 11 s with a first blink within 3 s and then one every 2-6 s: at least two blinks of 4-6 frames each.
        Assert.InRange(blinks1.Count, 6, 60);
        Assert.InRange(blinks2.Count, 6, 60);
        Assert.NotEqual(blinks1, blinks2);
    }

    [Fact]
    public async Task RenderAsync_Still_HairAndBackgroundNeverMove()
    {
        var face = fixture.AstronautFace;
        var eyes = Distance(face[FaceKeypoint.RightEye], face[FaceKeypoint.LeftEye]);
        var eyeLine = new FacePoint(face.Box.Center.X, face[FaceKeypoint.RightEye].Y);
        PixelRect[] regions =
        [
            PixelRect.Around(eyeLine, eyes, 1.6f * eyes, eyes, -0.5f * eyes, 512, 512), // hair and forehead, above the brows
            PixelRect.Around(eyeLine, 1.9f * eyes, 0.5f * eyes, -1.4f * eyes, 1.5f * eyes, 512, 512), // beside the face
        ];

        var still = await RenderAsync(fixture.Speech, new GenerationOptions { Seed = 3, Still = true }, regions);
        var moving = await RenderAsync(fixture.Speech, new GenerationOptions { Seed = 3 }, regions);

        for (var r = 0; r < regions.Length; r++)
        {
            var portrait = regions[r].Copy(fixture.Astronaut.Pixels, 512);
            Assert.All(Enumerable.Range(0, still.Hashes.Count), i => Assert.Equal(portrait, still.Region(i, r)));
            Assert.Contains(Enumerable.Range(0, moving.Hashes.Count), i => !portrait.AsSpan().SequenceEqual(moving.Region(i, r)));
        }
    }

    [Fact]
    public async Task RenderAsync_SilentAudio_MouthClosedInEveryFrame()
    {
        var silence = await TestAudio.SilenceAsync(fixture.File("silence.wav"), 2);
        var mouth = PixelRect.Mouth(fixture.AstronautFace, 512, 512);

        var capture = await RenderAsync(silence, new GenerationOptions { Seed = 1, Still = true }, mouth);

        Assert.Equal(50, capture.Hashes.Count);
        var portrait = mouth.Copy(fixture.Astronaut.Pixels, 512);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(portrait, capture.Region(i, 0)));
    }

    [Fact]
    public async Task RenderAsync_PortraitWithoutFace_RefusesBeforeAnyFrame()
    {
        var sink = new FrameCapture();
        var request = new EngineRequest { PortraitPath = RepoPaths.Fixture("coffee.png"), AudioPath = fixture.Speech };

        var error = await Assert.ThrowsAsync<EngineInputException>(
            () => fixture.Engine.RenderAsync(request, sink, null, CancellationToken.None));

        Assert.Equal(EngineInputError.NoFace, error.Error);
        Assert.Contains("No face", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sink.BeginCalls);
    }

    [Theory]
    [InlineData(0.03, 0)]
    [InlineData(0.04, 1)]
    [InlineData(0.07, 1)]
    [InlineData(0.08, 2)]
    public async Task RenderAsync_VeryShortAudio_OneFramePer40MsOrRefused(double seconds, int frames)
    {
        var audio = await TestAudio.SilenceAsync(fixture.File($"short-{seconds}.wav"), seconds);
        if (frames == 0)
        {
            var error = await Assert.ThrowsAsync<EngineInputException>(() => RenderAsync(audio, new GenerationOptions()));
            Assert.Equal(EngineInputError.AudioTooShort, error.Error);
            Assert.Contains("40 ms", error.Message, StringComparison.Ordinal);
        }
        else
        {
            var capture = await RenderAsync(audio, new GenerationOptions());
            Assert.Equal(frames, capture.Announced);
            Assert.Equal(frames, capture.Hashes.Count);
        }
    }

    [Fact]
    public async Task RenderAsync_Size1024_ScalesTheLongSide()
    {
        var capture = await RenderAsync(RepoPaths.Fixture("speech-en-short.wav"), new GenerationOptions { Size = 1024 });

        Assert.Equal((1024, 1024), (capture.Width, capture.Height));
    }

    [Fact]
    public async Task RenderAsync_WidePortrait_KeepsAspectWithEvenSize()
    {
        // 601x401 around the face: 512 on the long side makes 341.6, rounded to the even 342.
        var wide = new RgbImage(601, 401);
        for (var y = 0; y < 401; y++)
        {
            fixture.Astronaut.GetRow(y).Slice(0, 512 * 3).CopyTo(wide.GetRow(y));
        }

        var sink = new FrameCapture();
        var request = new EngineRequest { Portrait = wide, AudioPath = RepoPaths.Fixture("speech-en-short.wav") };
        await fixture.Engine.RenderAsync(request, sink, null, CancellationToken.None);

        Assert.Equal((512, 342), (sink.Width, sink.Height));
    }

    [Theory]
    [InlineData(PreprocessMode.Crop)]
    [InlineData(PreprocessMode.ExtCrop)]
    public async Task RenderAsync_CropModes_SquareAroundTheFace(PreprocessMode mode)
    {
        var capture = await RenderAsync(RepoPaths.Fixture("speech-en-short.wav"), new GenerationOptions { Preprocess = mode });

        Assert.Equal((512, 512), (capture.Width, capture.Height));
        Assert.NotEqual(fixture.Astronaut.Pixels, capture.FirstFrame);
    }

    [Theory]
    [InlineData("enhancer")]
    [InlineData("Size 256")]
    [InlineData("Preprocess 'Resize'")]
    [InlineData("reference")]
    [InlineData("free-view")]
    [InlineData("Pose style")]
    public async Task RenderAsync_UnsupportedOptions_RefusedWithTheReason(string expected)
    {
        var options = expected switch
        {
            "enhancer" => new GenerationOptions { Enhancer = true },
            "Size 256" => new GenerationOptions { Size = 256 },
            "Preprocess 'Resize'" => new GenerationOptions { Preprocess = PreprocessMode.Resize },
            "reference" => new GenerationOptions { RefPosePath = "pose.mp4" },
            "free-view" => new GenerationOptions { InputYaw = [0, 10] },
            _ => new GenerationOptions { PoseStyle = 46 },
        };

        var error = await Assert.ThrowsAsync<EngineInputException>(() => RenderAsync(fixture.Speech, options));

        Assert.Equal(EngineInputError.InvalidOptions, error.Error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Progress_StagesInOrderEndingWithEveryFrame()
    {
        var progress = new RecordingProgress<EngineProgress>();
        var sink = new FrameCapture();
        var request = new EngineRequest { Portrait = fixture.Astronaut, AudioPath = RepoPaths.Fixture("speech-en-short.wav") };

        await fixture.Engine.RenderAsync(request, sink, progress, CancellationToken.None);

        var reports = progress.Reports;
        Assert.Equal(fixture.Engine.Capabilities.Stages, reports.Select(r => r.Stage).Distinct());
        Assert.All(reports, r => Assert.Equal(3, r.StageCount));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Percent >= p.First.Percent), "percent never goes back");
        Assert.Equal((89, 89, 100.0), (reports[^1].FramesDone, reports[^1].FramesTotal, reports[^1].Percent));
    }

    [Fact]
    public async Task RenderAsync_CancelledMidway_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new CancellingSink(cancel, afterFrames: 10);
        var request = new EngineRequest { Portrait = fixture.Astronaut, AudioPath = fixture.Speech };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Engine.RenderAsync(request, sink, null, cancel.Token));

        Assert.Equal(10, sink.Frames);
    }

    [Fact]
    public async Task RenderAsync_SteadyState_AllocatesNothingPerFrame()
    {
        var sink = new AllocationProbeSink(from: 50, to: 250);
        var request = new EngineRequest { Portrait = fixture.Astronaut, AudioPath = fixture.Speech };

        await fixture.Engine.RenderAsync(request, sink, null, CancellationToken.None);

        // The sink completes synchronously, so the whole frame loop runs on this thread.
        Assert.InRange(sink.AllocatedBytes / 200.0, 0, 16);
    }

    private async Task<SortedSet<int>> BlinkFramesAsync(int seed)
    {
        var eyes = PixelRect.Eyes(fixture.AstronautFace, 512, 512);
        var capture = await RenderAsync(fixture.Speech, new GenerationOptions { Seed = seed, Still = true }, eyes);
        var open = eyes.Copy(fixture.Astronaut.Pixels, 512);
        return new SortedSet<int>(Enumerable.Range(0, capture.Hashes.Count)
            .Where(i => FrameCapture.MeanAbsoluteDifference(capture.Region(i, 0), open) > 2));
    }

    private async Task<FrameCapture> RenderAsync(string audio, GenerationOptions options, params PixelRect[] regions)
    {
        var sink = new FrameCapture(regions);
        var request = new EngineRequest { Portrait = fixture.Astronaut, AudioPath = audio, Options = options };
        await fixture.Engine.RenderAsync(request, sink, null, CancellationToken.None);
        return sink;
    }

    private static float Distance(FacePoint a, FacePoint b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private sealed class CancellingSink(CancellationTokenSource cancel, int afterFrames) : IFrameSink
    {
        public int Frames { get; private set; }

        public ValueTask BeginAsync(int width, int height, int frameCount, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken)
        {
            if (++Frames == afterFrames)
            {
                cancel.Cancel();
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class AllocationProbeSink(int from, int to) : IFrameSink
    {
        private int _frame;
        private long _start;

        public long AllocatedBytes { get; private set; }

        public ValueTask BeginAsync(int width, int height, int frameCount, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken)
        {
            if (_frame == from)
            {
                _start = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (_frame == to)
            {
                AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _start;
            }

            _frame++;
            return ValueTask.CompletedTask;
        }
    }
}
