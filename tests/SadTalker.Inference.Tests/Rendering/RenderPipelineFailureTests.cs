using SadTalker.Inference.Engines;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Rendering;

/// <summary>The pipeline's contract with any engine, checked with a hand-written fake engine.</summary>
public sealed class RenderPipelineFailureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task RunAsync_EngineFailsMidway_NoOutputNoTempAndOldFileKept()
    {
        var path = _temp.File("out.mp4");
        await File.WriteAllTextAsync(path, "previous video");
        var engine = new FakeEngine(announce: 20, write: 20, throwAfter: 5);

        await Assert.ThrowsAsync<InvalidDataException>(() => Run(engine, path));

        Assert.Equal("previous video", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task RunAsync_EngineWritesFewerFramesThanAnnounced_Fails()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Run(new FakeEngine(announce: 20, write: 12), _temp.File("out.mp4")));

        Assert.Contains("announced 20 frames but wrote 12", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task RunAsync_EngineWritesMoreFramesThanAnnounced_Fails()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Run(new FakeEngine(announce: 5, write: 6), _temp.File("out.mp4")));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task RunAsync_MissingOutputFolder_FailsBeforeTheEngineRuns()
    {
        var engine = new FakeEngine(announce: 5, write: 5);

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Run(engine, _temp.File("no/such/folder/out.mp4")));

        Assert.False(engine.Started);
    }

    [Fact]
    public async Task RunAsync_Filters_SeeEveryFrameInOrderAndChangeTheVideo()
    {
        var path = _temp.File("out.mp4");
        var recorder = new PaintingFilter();

        var report = await Run(new FakeEngine(announce: 30, write: 30), path, recorder);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), recorder.Indices);
        Assert.Equal((64, 48), recorder.Size);
        Assert.Equal(30, report.FrameCount);
        var first = await FfmpegImageDecoder.DecodeAsync(path, CancellationToken.None);
        Assert.InRange(first.Pixels[0], 230, 255); // the filter painted the top-left pixel white on a black frame
    }

    public void Dispose() => _temp.Dispose();

    private static Task<RenderReport> Run(ITalkingHeadEngine engine, string path, params IFrameFilter[] filters) =>
        new RenderPipeline(engine).RunAsync(
            new RenderJob(new EngineRequest { PortraitPath = "unused.png", AudioPath = RepoPaths.Fixture("speech-en-short.wav") }, path)
            {
                Filters = filters,
            },
            null,
            CancellationToken.None);

    /// <summary>Writes black 64×48 frames; can throw part-way or miscount.</summary>
    private sealed class FakeEngine(int announce, int write, int throwAfter = -1) : ITalkingHeadEngine
    {
        public bool Started { get; private set; }

        public string Id => "fake";

        public string DisplayName => "Fake";

        public string Version => "0";

        public EngineCapabilities Capabilities { get; } = new() { PreprocessModes = [PreprocessMode.Full], Sizes = [64], Stages = ["Frames"] };

        public EngineAvailability CheckAvailability() => EngineAvailability.Available("always");

        public async Task RenderAsync(EngineRequest request, IFrameSink sink, IProgress<EngineProgress>? progress, CancellationToken cancellationToken)
        {
            Started = true;
            progress?.Report(new EngineProgress("Frames", 0, 1, 0) { FramesTotal = announce });
            await sink.BeginAsync(64, 48, announce, cancellationToken);
            var frame = new byte[64 * 48 * 3];
            for (var i = 0; i < write; i++)
            {
                if (i == throwAfter)
                {
                    throw new InvalidDataException("engine failure");
                }

                await sink.WriteFrameAsync(frame, cancellationToken);
            }
        }
    }

    private sealed class PaintingFilter : IFrameFilter
    {
        public List<long> Indices { get; } = [];

        public (int Width, int Height) Size { get; private set; }

        public void Begin(int width, int height, int frameCount) => Size = (width, height);

        public void Apply(Span<byte> rgb24, long frameIndex)
        {
            Indices.Add(frameIndex);
            for (var y = 0; y < 16; y++)
            {
                rgb24.Slice(y * Size.Width * 3, 16 * 3).Fill(255);
            }
        }
    }
}
