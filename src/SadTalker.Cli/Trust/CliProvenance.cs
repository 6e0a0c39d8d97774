using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Trust;

namespace SadTalker.Cli.Trust;

/// <summary>The manifest `generate --sign` signs: the CLI's own facts (no team or consent record outside the web app).</summary>
internal static class CliProvenance
{
    public static async Task<ProvenanceManifest> ManifestAsync(
        ITalkingHeadEngine engine, IEnumerable<string> modelFiles, EngineRequest request, Guid jobId, WatermarkPayload payload,
        CancellationToken cancellationToken)
    {
        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in modelFiles.Where(File.Exists))
        {
            models[Path.GetFileName(file)] = await Sha256Async(file, cancellationToken).ConfigureAwait(false);
        }

        var o = request.Options;
        var inv = CultureInfo.InvariantCulture;
        return new ProvenanceManifest
        {
            GeneratorName = "SadTalker.Cli",
            GeneratorVersion = typeof(CliProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            EngineId = engine.Id,
            EngineVersion = engine.Version,
            ModelSha256 = models,
            PortraitSha256 = await Sha256Async(request.PortraitPath!, cancellationToken).ConfigureAwait(false),
            AudioSha256 = await Sha256Async(request.AudioPath, cancellationToken).ConfigureAwait(false),
            Options = new Dictionary<string, string>
            {
                ["still"] = o.Still ? "true" : "false",
                ["size"] = o.Size.ToString(inv),
                ["preprocess"] = o.Preprocess.ToString().ToLowerInvariant(),
                ["seed"] = o.Seed?.ToString(inv) ?? "random",
                ["expressionScale"] = o.ExpressionScale.ToString("0.###", inv),
                ["poseStyle"] = o.PoseStyle.ToString(inv),
            },
            JobId = jobId.ToString("D"),
            CreatedUtc = DateTime.UtcNow,
            WatermarkPayload = payload.Hex,
        };
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
