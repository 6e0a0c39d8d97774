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
    public static ITalkingHeadEngine Create(string id, SessionFactory sessions, string modelsDirectory) => id switch
    {
        StudioLiteEngine.EngineId => new StudioLiteEngine(sessions, modelsDirectory),
        SadTalkerEngine.EngineId => new SadTalkerEngine(sessions, modelsDirectory),
        _ => throw new UsageException($"Unknown engine '{id}'; available: {string.Join(", ", Ids)}."),
    };

    /// <summary>The model files engine <paramref name="id"/> loads (hashed into provenance manifests).</summary>
    public static IReadOnlyList<string> ModelFiles(string id, string modelsDirectory) => id switch
    {
        StudioLiteEngine.EngineId => [Path.Combine(modelsDirectory, StudioLiteEngine.FaceModel)],
        _ => [],
    };
}
