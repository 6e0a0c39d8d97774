using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Tests.Support;

/// <summary>
/// One Studio Lite engine (CPU) shared by a test class, the decoded astronaut portrait and the face the engine
/// animates (after its refinement pass), plus a temp folder.
/// </summary>
public sealed class StudioLiteFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private BlazeFaceDetector? _detector;

    public StudioLiteEngine Engine { get; } = new(
        new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu }), Path.Combine(RepoPaths.RepoRoot, "models"));

    public RgbImage Astronaut { get; private set; } = null!;

    /// <summary>The astronaut's face as the engine animates it (512 px output = portrait pixels).</summary>
    public FaceDetection AstronautFace { get; private set; } = null!;

    public string Speech => RepoPaths.Fixture("speech-en-10s.wav");

    public string File(string name) => _temp.File(name);

    public async Task InitializeAsync()
    {
        Astronaut = await FfmpegImageDecoder.DecodeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None);
        _detector = new BlazeFaceDetector(
            new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu }),
            RepoPaths.Model(StudioLiteEngine.FaceModel));
        AstronautFace = FaceRefinement.Refine(_detector, Astronaut, _detector.Detect(Astronaut)[0]);
    }

    public Task DisposeAsync()
    {
        Engine.Dispose();
        _detector?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
