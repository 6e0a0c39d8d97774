namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>A model pack: the networks one engine needs, found together in one directory.</summary>
/// <param name="Id">Pack id in the manifest, e.g. "sadtalker".</param>
/// <param name="Directory">Default directory, relative to the models folder.</param>
public sealed record PackContract(string Id, string Directory, IReadOnlyList<ModelContract> Models)
{
    /// <summary>The SadTalker pack's id in models/manifest.json.</summary>
    public const string SadTalkerId = "sadtalker";

    /// <summary>The model with <paramref name="role"/> (and <paramref name="size"/> for renderers), or null.</summary>
    public ModelContract? Find(string role, int? size = null) =>
        Models.FirstOrDefault(m => m.Role == role && m.Size == size);
}
