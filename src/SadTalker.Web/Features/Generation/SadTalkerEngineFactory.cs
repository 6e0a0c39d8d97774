using Microsoft.Extensions.Options;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Runtime;
using SadTalker.Web.Hosting;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// The SadTalker ONNX engine for DI: contract from <c>{ModelsDir}/manifest.json</c>, pack from
/// <c>Inference:SadTalkerPackDir</c> or <c>{ModelsDir}/sadtalker</c>. A missing or broken manifest does not stop the
/// app: the engine is listed as unavailable with the reason.
/// </summary>
public static class SadTalkerEngineFactory
{
    public static ITalkingHeadEngine Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var models = Path.GetFullPath(options.ModelsDir, root);
        var pack = string.IsNullOrWhiteSpace(options.SadTalkerPackDir) ? null : Path.GetFullPath(options.SadTalkerPackDir, root);
        try
        {
            return new SadTalkerEngine(services.GetRequiredService<SessionFactory>(), models, pack);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
        {
            return new UnavailableEngine(SadTalkerEngine.EngineId, "SadTalker (ONNX)", $"The SadTalker model contract cannot be read: {ex.Message}");
        }
    }
}
