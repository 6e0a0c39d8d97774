using SadTalker.Inference.Engines;

namespace SadTalker.Web.Features.Generation;

/// <summary>Stands in for an engine that could not be set up, so it is still listed, disabled, with the reason.</summary>
public sealed class UnavailableEngine(string id, string displayName, string reason) : ITalkingHeadEngine
{
    public string Id => id;

    public string DisplayName => displayName;

    public string Version => "unavailable";

    public EngineCapabilities Capabilities { get; } = new() { PreprocessModes = [], Sizes = [], Stages = [] };

    public EngineAvailability CheckAvailability() => EngineAvailability.Unavailable(reason);

    public Task RenderAsync(EngineRequest request, IFrameSink sink, IProgress<EngineProgress>? progress, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{displayName} is not available: {reason}");
}
