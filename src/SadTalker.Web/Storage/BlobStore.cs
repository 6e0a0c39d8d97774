using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SadTalker.Web.Hosting;

namespace SadTalker.Web.Storage;

/// <summary>
/// Content-addressed file store under <c>{data}/blobs</c>: a file's name is the SHA-256 of its bytes
/// (<c>blobs/ab/cd/abcd…</c>), so identical uploads are stored once and no path is ever built from user input.
/// New content is written to <c>blobs/tmp</c> (same file system) and moved into place atomically.
/// </summary>
/// <remarks>
/// Adding rows that reference blobs and deleting unreferenced blobs both run under <see cref="CommitAsync{T}"/>, so a
/// blob that one request is about to reference cannot be deleted by another that just dropped the last reference.
/// </remarks>
public sealed class BlobStore
{
    private const int HashHexLength = 64;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public BlobStore(IOptions<StorageOptions> options, IHostEnvironment env)
    {
        Root = Path.Combine(options.Value.ResolveDataDir(env.ContentRootPath), "blobs");
        TempDir = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(TempDir);
    }

    public string Root { get; }

    public string TempDir { get; }

    /// <summary>A new, empty, server-named temp file on the store's file system; the caller deletes or stores it.</summary>
    public string CreateTempFile(string extension = ".tmp")
    {
        var path = Path.Combine(TempDir, $"{Guid.NewGuid():N}{extension}");
        using (File.Create(path))
        {
        }

        return path;
    }

    /// <summary>A new server-named temp folder (for tools that write several outputs); the caller deletes it.</summary>
    public string CreateTempDirectory() => Directory.CreateDirectory(Path.Combine(TempDir, Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Hashes a finished file and moves it into the store (or deletes it when that content is already stored).</summary>
    public async Task<StoredBlob> PutFileAsync(string sourcePath, CancellationToken ct = default)
    {
        string hash;
        long length;
        await using (var stream = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            length = stream.Length;
        }

        var target = PathOf(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(sourcePath, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Same content already stored (deduplicated): the new copy is not needed.
            File.Delete(sourcePath);
        }

        return new StoredBlob(hash, length);
    }

    /// <summary>Path of a stored blob. Throws for anything but a 64-character lower-case hex hash.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != HashHexLength || !sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>
    /// Runs <paramref name="work"/> (typically: store blobs, save the rows that reference them, or delete rows and
    /// then unreferenced blobs) with no other commit in between.
    /// </summary>
    public async Task<T> CommitAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes blobs; call inside <see cref="CommitAsync{T}"/> after checking nothing references them.</summary>
    public void Delete(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes.Distinct())
        {
            File.Delete(PathOf(hash));
        }
    }

    /// <summary>Removes temp files older than <paramref name="age"/> (left by a crash mid-upload).</summary>
    public int SweepTemp(TimeSpan age, DateTime utcNow)
    {
        var removed = 0;
        foreach (var entry in new DirectoryInfo(TempDir).EnumerateFileSystemInfos())
        {
            if (utcNow - entry.LastWriteTimeUtc < age)
            {
                continue;
            }

            if (entry is DirectoryInfo dir)
            {
                dir.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            removed++;
        }

        return removed;
    }
}
