using System.Globalization;
using System.Text.Json;
using SadTalker.Inference.Trust;

namespace SadTalker.Cli.Trust;

/// <summary>`verify VIDEO`: the invisible watermark and the signed provenance record of a video, offline.</summary>
internal static class VerifyCommand
{
    public static IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public const string Usage = """
        verify VIDEO [--public-key KEY.pem] [--sidecar FILE.json]
          --public-key FILE   trust only this public key (PEM); without it the signature is checked against the key
                              inside the record, which proves integrity but not who signed
          --sidecar FILE      provenance sidecar to use when the video's metadata holds none
                              (default: VIDEO's name with .provenance.json, when present)
          exit code 0: valid record (from the trusted key, when given), or no record but a watermark;
          3: neither record nor watermark; 4: a record that fails (signature, changed video, other key)
        """;

    /// <summary>Runs with the video path taken from the first argument after the command.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("verify needs a video: verify VIDEO [--public-key KEY.pem].");
        }

        var video = args[1];
        var options = CliArguments.Parse([args[0], .. args.Skip(2)], Flags);
        var keyPath = options.Text("public-key");
        var sidecar = options.Text("sidecar");
        options.RejectUnknown();
        if (!File.Exists(video))
        {
            throw new UsageException($"Video not found: {video}");
        }

        byte[][]? trusted = keyPath is null ? null : [ReadPublicKey(keyPath)];
        sidecar ??= File.Exists(ProvenanceSigner.SidecarPath(video)) ? ProvenanceSigner.SidecarPath(video) : null;

        var watermark = await WatermarkDetector.DetectAsync(video, cancellationToken).ConfigureAwait(false);
        var provenance = await ProvenanceVerifier.VerifyAsync(video, sidecar, trusted, cancellationToken).ConfigureAwait(false);
        Print(watermark, provenance);

        return provenance.Status switch
        {
            ProvenanceStatus.Valid when provenance.KeyTrusted != false => ExitCodes.Success,
            ProvenanceStatus.NoManifest => watermark.Found ? ExitCodes.Success : ExitCodes.NotVerified,
            _ => ExitCodes.VerificationFailed,
        };
    }

    private static byte[] ReadPublicKey(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--public-key: file not found: {path}");
        }

        using var key = System.Security.Cryptography.ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--public-key: {path} is not a PEM EC public key ({ex.Message}).");
        }

        return key.ExportSubjectPublicKeyInfo();
    }

    private static void Print(WatermarkDetection watermark, ProvenanceVerification provenance)
    {
        var o = Console.Out;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"watermark:  {watermark.Summary}");
        o.WriteLine(string.Create(inv,
            $"            {watermark.FramesAnalysed} frames analysed; best crop {watermark.CropX:P1} x {watermark.CropY:P1}, frame offset {watermark.FrameOffset}"));
        o.WriteLine($"provenance: {Describe(provenance)}");
        if (provenance.Record is { } record)
        {
            o.WriteLine($"  signature:     {(provenance.SignatureValid ? "valid" : "INVALID")} (ECDSA P-256, key {record.KeyId})");
            o.WriteLine($"  video content: {(provenance.MediaMatches ? "matches the signed hash" : "CHANGED since signing")}");
            o.WriteLine($"  signing key:   {provenance.KeyTrusted switch { true => "trusted (matches --public-key)", false => "NOT the trusted key", null => "not checked (no --public-key)" }}");
            if (watermark.Found && watermark.Payload?.Hex != record.Manifest.WatermarkPayload)
            {
                o.WriteLine($"  note: the watermark payload {watermark.Payload} differs from the manifest's {record.Manifest.WatermarkPayload}");
            }

            o.WriteLine("  manifest:");
            var pretty = JsonSerializer.Serialize(CanonicalJson.ToNode(record.Manifest), new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            foreach (var line in pretty.Split('\n'))
            {
                o.WriteLine("    " + line);
            }
        }

        foreach (var problem in provenance.Problems)
        {
            o.WriteLine($"  problem: {problem}");
        }
    }

    private static string Describe(ProvenanceVerification p) => p.Status switch
    {
        ProvenanceStatus.NoManifest => "no provenance record",
        ProvenanceStatus.Malformed => $"record in {p.Source} is unreadable",
        ProvenanceStatus.Valid => $"VALID signed record (from {p.Source})",
        _ => $"INVALID record (from {p.Source})",
    };
}
