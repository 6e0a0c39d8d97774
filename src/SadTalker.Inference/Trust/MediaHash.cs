using System.Text;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Trust;

/// <summary>
/// The content hash a provenance signature binds: SHA-256 of the packets of every stream, computed by ffmpeg's
/// <c>streamhash</c> muxer with stream copy (<c>ffmpeg -i VIDEO -map 0 -c copy -f streamhash -hash sha256 -</c>), one
/// line per stream such as <c>0,v,SHA256=…</c>.
/// </summary>
/// <remarks>
/// Hashing the packets rather than the file lets the signed manifest live inside the same MP4: remuxing with new
/// metadata (or moving the moov box) leaves the packets as they were, while changing any byte of the coded video or
/// audio changes the hash. Container-level fields outside the packets (titles, creation time, codec headers in the
/// sample description) are not covered; anyone with ffmpeg can recompute the value.
/// </remarks>
public static class MediaHash
{
    public const string Method = "ffmpeg -map 0 -c copy -f streamhash -hash sha256";

    /// <exception cref="MediaToolException">ffmpeg cannot read the file.</exception>
    public static async Task<IReadOnlyList<string>> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Video not found: {full}", full);
        }

        var result = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-i", "file:" + full, "-map", "0", "-c", "copy", "-f", "streamhash", "-hash", "sha256", "-"],
            cancellationToken).ConfigureAwait(false);
        var lines = Encoding.ASCII.GetString(result.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 ? lines : throw new MediaToolException($"ffmpeg found no streams to hash in {full}.", 0, result.StandardError);
    }
}
