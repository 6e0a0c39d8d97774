using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Models;

/// <summary>Builds the tiny ONNX test models once per test class with Debian's python3-onnx.</summary>
public sealed class TestModelFixture : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly TempDirectory _directory = new();

    public string AddModelPath => _directory.File("add.onnx");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Models", "make_add_model.py");
        try
        {
            await new MediaTool(Python).RunAsync([script, _directory.Path], CancellationToken.None);
        }
        catch (MediaToolException ex)
        {
            // Deliberately a failure, not a skip: the test script installs python3-onnx, so its absence is a setup bug.
            throw new InvalidOperationException(
                $"Could not build test ONNX models with {Python} (needs Debian package python3-onnx: " +
                $"apt-get install python3-onnx): {ex.Message}", ex);
        }
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
