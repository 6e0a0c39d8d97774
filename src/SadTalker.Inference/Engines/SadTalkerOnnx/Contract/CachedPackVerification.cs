using System.Globalization;
using System.Text;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>
/// The full <see cref="ModelPackVerifier.Verify"/> result of one pack directory, redone only when a model file (or
/// <c>SHA256SUMS</c>) changes size or write time, so availability checks can say "invalid" without re-hashing each time.
/// </summary>
/// <remarks>
/// The first check of a real pack hashes every file (seconds for ~1.5 GB); later checks only stat the files.
/// Thread-safe: concurrent callers wait for the one verification in progress.
/// </remarks>
public sealed class CachedPackVerification(PackContract pack, string directory, SessionFactory sessions)
{
    private readonly Lock _gate = new();
    private string? _stamp;
    private PackVerification? _result;

    /// <summary>The verification of the pack as it is now on disk.</summary>
    public PackVerification Current()
    {
        var stamp = Stamp();
        lock (_gate)
        {
            if (_result is null || !string.Equals(stamp, _stamp, StringComparison.Ordinal))
            {
                _result = ModelPackVerifier.Verify(pack, directory, sessions);
                _stamp = stamp;
            }

            return _result;
        }
    }

    private string Stamp()
    {
        if (!Directory.Exists(directory))
        {
            return "absent";
        }

        var stamp = new StringBuilder();
        foreach (var file in pack.Models.Select(m => m.File).Append(ModelPackVerifier.ChecksumFile))
        {
            var info = new FileInfo(Path.Combine(directory, file));
            stamp.Append(CultureInfo.InvariantCulture, $"{file}:{(info.Exists ? $"{info.Length}@{info.LastWriteTimeUtc.Ticks}" : "-")};");
        }

        return stamp.ToString();
    }
}
