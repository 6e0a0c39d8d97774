using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Models;

/// <summary>
/// Builds, once per test class, a synthetic SadTalker pack from the repository's models/manifest.json with Debian's
/// python3-onnx (make_sadtalker_pack.py), plus broken variants. Tests copy it before changing anything.
/// </summary>
public sealed class SadTalkerPackFixture : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly TempDirectory _directory = new();

    public string ModelsDirectory => Path.Combine(RepoPaths.RepoRoot, "models");

    public PackContract Contract { get; private set; } = null!;

    public string PackDirectory => Path.Combine(_directory.Path, "pack");

    public string Variant(string name) => Path.Combine(_directory.Path, "variants", name + ".onnx");

    /// <summary>A private, writable copy of the complete pack.</summary>
    public TempDirectory CopyPack()
    {
        var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(PackDirectory))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }

        return copy;
    }

    public async Task InitializeAsync()
    {
        Contract = SadTalkerPack.LoadContract(ModelsDirectory);
        var script = Path.Combine(AppContext.BaseDirectory, "Models", "make_sadtalker_pack.py");
        var manifest = Path.Combine(ModelsDirectory, SadTalkerPack.ManifestFileName);
        try
        {
            await new MediaTool(Python).RunAsync([script, manifest, _directory.Path], CancellationToken.None);
        }
        catch (MediaToolException ex)
        {
            throw new InvalidOperationException(
                $"Could not build the synthetic SadTalker pack with {Python} (needs python3-onnx and python3-numpy): {ex.Message}", ex);
        }
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
