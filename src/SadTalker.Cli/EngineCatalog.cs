using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Runtime;

namespace SadTalker.Cli;

/// <summary>The engines the CLI can run, by id.</summary>
internal static class EngineCatalog
{
    public static IReadOnlyList<string> Ids { get; } = [StudioLiteEngine.EngineId, SadTalkerEngine.EngineId];

    /// <summary>Creates the engine; the caller disposes it when it is disposable.</summary>
    /// <param name="packDirectory">The SadTalker pack folder (<c>--pack</c>); null = <c>sadtalker/</c> under the models folder.</param>
    public static ITalkingHeadEngine Create(string id, SessionFactory sessions, string modelsDirectory, string? packDirectory = null) => id switch
    {
        StudioLiteEngine.EngineId => new StudioLiteEngine(sessions, modelsDirectory),
        SadTalkerEngine.EngineId => new SadTalkerEngine(sessions, modelsDirectory, packDirectory),
        _ => throw new UsageException($"Unknown engine '{id}'; available: {string.Join(", ", Ids)}."),
    };

    /// <summary>The model files engine <paramref name="id"/> loads (hashed into provenance manifests).</summary>
    /// <remarks>SadTalker: BlazeFace plus every pack file present (optional networks count only when installed).</remarks>
    public static IReadOnlyList<string> ModelFiles(string id, string modelsDirectory, string? packDirectory = null) => id switch
    {
        StudioLiteEngine.EngineId => [Path.Combine(modelsDirectory, StudioLiteEngine.FaceModel)],
        SadTalkerEngine.EngineId => SadTalkerEngine.ModelFiles(modelsDirectory, packDirectory),
        _ => [],
    };
}
