namespace SadTalker.Inference.Engines;

/// <summary>
/// Turns a portrait and speech audio into talking-head frames. The one seam between the render pipeline (encoder,
/// filters, job queue) and the engines: the built-in Studio Lite engine and the SadTalker ONNX engine.
/// </summary>
/// <remarks>
/// An engine is created once and reused for many renders; <see cref="RenderAsync"/> may be called concurrently.
/// It streams frames to the sink as they are ready and keeps nothing per frame, so memory stays flat however
/// long the audio. Invalid inputs are refused with <see cref="EngineInputException"/>; cancellation throws
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface ITalkingHeadEngine
{
    /// <summary>Stable identifier for settings, the CLI and stored jobs, e.g. "studio-lite".</summary>
    string Id { get; }

    /// <summary>Name shown to users.</summary>
    string DisplayName { get; }

    /// <summary>Engine version, recorded with every render so results can be traced.</summary>
    string Version { get; }

    /// <summary>Supported options and the progress stages.</summary>
    EngineCapabilities Capabilities { get; }

    /// <summary>Whether the engine can run here (models present, runtime loads); cheap, does not load models.</summary>
    EngineAvailability CheckAvailability();

    /// <summary>Renders the request into <paramref name="sink"/>: BeginAsync once, then every frame in order.</summary>
    /// <exception cref="EngineInputException">The inputs cannot be rendered (no face, audio under one frame, bad options).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    Task RenderAsync(
        EngineRequest request, IFrameSink sink, IProgress<EngineProgress>? progress, CancellationToken cancellationToken);
}
