using Microsoft.Extensions.DependencyInjection;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>
/// A <see cref="GenerationWorld"/> whose app loads the SadTalker engine from a synthetic contract pack, built at test
/// time by the inference tests' make_sadtalker_pack.py (Debian python3-onnx) and pointed at through
/// <c>Inference:SadTalkerPackDir</c>.
/// </summary>
public sealed class SadTalkerWorld : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly TempDir _packs = new("sadtalker-pack");

    public GenerationWorld World { get; } = new();

    /// <summary>Every tensor shape the app's inference saw at a stage boundary (registered as its IStageObserver).</summary>
    public ShapeRecorder Shapes { get; } = new();

    /// <summary>The complete synthetic pack.</summary>
    public string PackDirectory => Path.Combine(_packs.Path, "pack");

    /// <summary>A deliberately broken model file (e.g. <c>expnet_wrong_dim</c>).</summary>
    public string Variant(string name) => Path.Combine(_packs.Path, "variants", name + ".onnx");

    public async Task InitializeAsync()
    {
        await BuildPackAsync(_packs.Path);
        World.App.With("Inference:SadTalkerPackDir", PackDirectory)
            .WithServices(services => services.AddSingleton<IStageObserver>(Shapes));
        await World.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        _packs.Dispose();
    }

    /// <summary>Runs the generator script into <paramref name="output"/> (pack/ and variants/).</summary>
    public static async Task BuildPackAsync(string output)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "SadTalker.Inference.Tests", "Models", "make_sadtalker_pack.py");
        try
        {
            await new MediaTool(Python).RunAsync([script, Path.Combine(RepoPaths.Root, "models", "manifest.json"), output], CancellationToken.None);
        }
        catch (MediaToolException ex)
        {
            throw new InvalidOperationException($"Could not build the synthetic SadTalker pack with {Python} (needs python3-onnx and python3-numpy): {ex.Message}", ex);
        }
    }
}
