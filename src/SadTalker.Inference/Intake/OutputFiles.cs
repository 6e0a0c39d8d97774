namespace SadTalker.Inference.Intake;

/// <summary>
/// Server-chosen output paths in a work directory, remembered so a failed or cancelled intake can delete everything
/// it started writing: the issue requires that nothing is stored for a refused upload.
/// </summary>
internal sealed class OutputFiles
{
    private readonly List<string> _paths = [];
    private readonly string _directory;
    private readonly string _prefix;

    public OutputFiles(string workDir)
    {
        _directory = Path.GetFullPath(workDir);
        Directory.CreateDirectory(_directory);

        // A fresh random prefix: uploads may share a directory, and no part of a client's file name is ever used.
        _prefix = Guid.NewGuid().ToString("N");
    }

    /// <summary>Reserves "{random}.{suffix}" in the work directory; the file is deleted by <see cref="DeleteAll"/>.</summary>
    public string Reserve(string suffix)
    {
        var path = Path.Combine(_directory, $"{_prefix}.{suffix}");
        _paths.Add(path);
        return path;
    }

    /// <summary>Creates <paramref name="path"/> holding <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    public async Task WriteAsync(
        string path, ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, CancellationToken cancellationToken)
    {
        // CreateNew: a reserved name that already exists means something else wrote it; never overwrite.
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(first, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(second, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Best-effort removal of every reserved path; never throws, so it cannot hide the original failure.</summary>
    public void DeleteAll()
    {
        foreach (var path in _paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Still open elsewhere or already gone: nothing more to do here.
            }
            catch (UnauthorizedAccessException)
            {
                // Same: best effort only.
            }
        }
    }
}
