using System.Security.Cryptography;
using System.Text.Json;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Trust;

/// <summary>Reads a video's provenance record back (MP4 metadata, else a sidecar) and checks signature and content hash.</summary>
public static class ProvenanceVerifier
{
    /// <param name="video">The video to check.</param>
    /// <param name="sidecar">A sidecar JSON to use when the video carries no record (null: none).</param>
    /// <param name="trustedKeys">DER SubjectPublicKeyInfo of the keys to trust; null when unknown.</param>
    /// <param name="cancellationToken">Cancels ffmpeg.</param>
    /// <exception cref="MediaToolException">ffprobe/ffmpeg cannot read the video.</exception>
    public static async Task<ProvenanceVerification> VerifyAsync(
        string video, string? sidecar, IReadOnlyCollection<byte[]>? trustedKeys, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(video);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Video not found: {full}", full);
        }

        var (json, source) = (await ReadEmbeddedAsync(full, cancellationToken).ConfigureAwait(false), "mp4 metadata");
        if (json is null && sidecar is not null && File.Exists(sidecar))
        {
            (json, source) = (await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false), Path.GetFullPath(sidecar));
        }

        if (json is null)
        {
            return new(ProvenanceStatus.NoManifest, null, null, false, false, null, ["No provenance record in the video's metadata" + (sidecar is null ? "." : " or the sidecar.")]);
        }

        SignedProvenance record;
        try
        {
            record = SignedProvenance.Parse(json);
        }
        catch (FormatException ex)
        {
            return new(ProvenanceStatus.Malformed, null, source, false, false, null, [ex.Message]);
        }

        var problems = new List<string>();
        var signatureValid = CheckSignature(record, problems);
        var streams = await MediaHash.ComputeAsync(full, cancellationToken).ConfigureAwait(false);
        var mediaMatches = streams.SequenceEqual(record.MediaStreams, StringComparer.Ordinal);
        if (!mediaMatches)
        {
            problems.Add($"The video's content changed after signing: packet hashes [{string.Join("; ", streams)}] differ from the signed [{string.Join("; ", record.MediaStreams)}].");
        }

        bool? trusted = trustedKeys is null ? null : trustedKeys.Any(k => k.AsSpan().SequenceEqual(record.PublicKeySpki));
        if (trusted == false)
        {
            problems.Add($"Signed by key {record.KeyId}, which is not a trusted key.");
        }

        var status = signatureValid && mediaMatches ? ProvenanceStatus.Valid : ProvenanceStatus.Invalid;
        return new(status, record, source, signatureValid, mediaMatches, trusted, problems);
    }

    private static bool CheckSignature(SignedProvenance record, List<string> problems)
    {
        if (ProvenanceKey.KeyIdOf(record.PublicKeySpki) != record.KeyId)
        {
            problems.Add("The key id does not match the public key in the record.");
            return false;
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(record.PublicKeySpki, out _);
        }
        catch (CryptographicException ex)
        {
            problems.Add($"The record's public key cannot be read: {ex.Message}");
            return false;
        }

        var valid = key.KeySize == 256
            && key.VerifyData(record.SignedBytes, record.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        if (!valid)
        {
            problems.Add("The signature does not match the manifest: the record was altered or not signed by this key.");
        }

        return valid;
    }

    private static async Task<string?> ReadEmbeddedAsync(string path, CancellationToken cancellationToken)
    {
        var result = await MediaTool.Ffprobe.RunAsync(
            ["-v", "error", "-show_entries", $"format_tags={SignedProvenance.MetadataKey}", "-of", "json", "file:" + path],
            cancellationToken).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(result.StandardOutput);
        return doc.RootElement.TryGetProperty("format", out var format)
            && format.TryGetProperty("tags", out var tags)
            && tags.TryGetProperty(SignedProvenance.MetadataKey, out var value)
                ? value.GetString()
                : null;
    }
}
