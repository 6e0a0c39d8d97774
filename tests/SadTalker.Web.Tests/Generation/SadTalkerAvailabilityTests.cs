using Microsoft.Extensions.DependencyInjection;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Health;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>A missing or broken SadTalker pack leaves the app up and the engine listed, disabled, with the reason.</summary>
public sealed class SadTalkerAvailabilityTests
{
    [Fact]
    public async Task MissingPack_EngineUnavailable_NamesTheFolder()
    {
        using var temp = new TempDir();
        var folder = Path.Combine(temp.Path, "no-pack-here");
        await using var app = new AppFactory().With("Inference:SadTalkerPackDir", folder);

        var engine = app.Services.GetRequiredService<GenerationEngines>().Find(SadTalkerEngine.EngineId)!;
        var report = await app.Services.GetRequiredService<SystemStatus>().CheckAsync();

        Assert.False(engine.CheckAvailability().IsAvailable);
        Assert.Contains($"not found at {folder}", engine.CheckAvailability().Reason, StringComparison.Ordinal);
        Assert.False(report.SadTalkerPack.Ok);
        Assert.Contains("models verify", report.SadTalkerPack.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidModel_EngineUnavailable_NamesModelAndTensor()
    {
        using var temp = new TempDir();
        await SadTalkerWorld.BuildPackAsync(temp.Path);
        var pack = Path.Combine(temp.Path, "pack");
        File.Copy(Path.Combine(temp.Path, "variants", "expnet_wrong_dim.onnx"), Path.Combine(pack, "expnet.onnx"), overwrite: true);
        await using var app = new AppFactory().With("Inference:SadTalkerPackDir", pack);

        var availability = app.Services.GetRequiredService<GenerationEngines>().Find(SadTalkerEngine.EngineId)!.CheckAvailability();

        Assert.False(availability.IsAvailable);
        Assert.Contains("expnet.onnx", availability.Reason, StringComparison.Ordinal);
        Assert.Contains("input 'mel' dim 2 is 64", availability.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableManifest_EngineStillListed_Unavailable()
    {
        using var models = new TempDir();
        await using var app = new AppFactory().With("Inference:ModelsDir", models.Path);

        var engine = app.Services.GetRequiredService<GenerationEngines>().Find(SadTalkerEngine.EngineId);

        Assert.NotNull(engine);
        Assert.False(engine.CheckAvailability().IsAvailable);
        Assert.Contains("manifest", engine.CheckAvailability().Reason, StringComparison.OrdinalIgnoreCase);
    }
}
