using System.Security.Cryptography;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Trust;

/// <summary>
/// Signs a finished video's manifest and stores it twice: in the MP4's metadata (ffmpeg stream copy, so the coded
/// frames stay byte for byte) and as a sidecar JSON file beside it.
/// </summary>
public static class ProvenanceSigner
{
    /// <summary>The sidecar of <paramref name="video"/>: talk.mp4 → talk.provenance.json.</summary>
    public static string SidecarPath(string video) => Path.ChangeExtension(Path.GetFullPath(video), ".provenance.json");

    /// <summary>Signs <paramref name="manifest"/> bound to <paramref name="video"/>'s packets and embeds it in place.</summary>
    /// <exception cref="MediaToolException">ffmpeg could not read or remux the video; the file is left as it was.</exception>
    public static async Task<SignedProvenance> SignAndEmbedAsync(
        string video, ProvenanceManifest manifest, ProvenanceKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(key);
        var full = Path.GetFullPath(video);
        var streams = await MediaHash.ComputeAsync(full, cancellationToken).ConfigureAwait(false);
        var bytes = CanonicalJson.Serialize(SignedProvenance.Statement(manifest, streams));
        var signature = key.Key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var record = new SignedProvenance(manifest, streams, key.KeyId, key.PublicKeySpki, signature);
        var json = CanonicalJson.SerializeToString(record.ToNode());

        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.mp4");
        try
        {
            await MediaTool.Ffmpeg.RunAsync(
                ["-v", "error", "-nostdin", "-i", "file:" + full, "-map", "0", "-c", "copy", "-map_metadata", "0",
                 "-movflags", "use_metadata_tags+faststart", "-metadata", $"{SignedProvenance.MetadataKey}={json}", "-f", "mp4", "-y", "file:" + temp],
                cancellationToken).ConfigureAwait(false);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        await File.WriteAllTextAsync(SidecarPath(full), json + "\n", CancellationToken.None).ConfigureAwait(false);

        return record;
    }
}
