using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SadTalker.Web.Features.Trust;

/// <summary>SHA-256 of model files for manifests, computed once per file version (path, size, write time) and cached.</summary>
internal sealed class ModelFileHashes
{
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> _cache = new();

    public async Task<IReadOnlyDictionary<string, string>> HashAsync(IEnumerable<string> files, CancellationToken ct)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue;
            }

            var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
            if (!_cache.TryGetValue(key, out var hash))
            {
                await using var stream = info.OpenRead();
                hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
                _cache[key] = hash;
            }

            result[info.Name] = hash;
        }

        return result;
    }
}
