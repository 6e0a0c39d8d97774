using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

namespace SadTalker.Inference.Engines.SadTalkerOnnx;

/// <summary>Where the SadTalker model pack and its contract live.</summary>
/// <remarks>
/// The contract is the <c>sadtalker</c> pack of <c>manifest.json</c> in the models folder; the pack directory is a
/// configured path when given, else <c>sadtalker/</c> under the models folder (the pack's <c>directory</c>).
/// </remarks>
public static class SadTalkerPack
{
    public const string ManifestFileName = "manifest.json";

    /// <summary>Loads the SadTalker pack contract from <c>{modelsDirectory}/manifest.json</c>.</summary>
    /// <exception cref="FileNotFoundException">No manifest in the models folder.</exception>
    /// <exception cref="InvalidDataException">The manifest has no valid SadTalker pack.</exception>
    public static PackContract LoadContract(string modelsDirectory, string? manifestPath = null)
    {
        var path = manifestPath ?? Path.Combine(modelsDirectory, ManifestFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model manifest not found: {path}", path);
        }

        return ModelManifest.LoadPack(path, PackContract.SadTalkerId);
    }

    /// <summary>The pack directory: <paramref name="configuredDirectory"/> if set, else the contract's default under the models folder.</summary>
    public static string ResolveDirectory(PackContract contract, string modelsDirectory, string? configuredDirectory)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configuredDirectory)
            ? Path.Combine(modelsDirectory, contract.Directory)
            : configuredDirectory);
    }
}
