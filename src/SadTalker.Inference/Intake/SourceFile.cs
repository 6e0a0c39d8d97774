namespace SadTalker.Inference.Intake;

/// <summary>Reads an uploaded file into memory, refusing it by size before reading a byte.</summary>
internal static class SourceFile
{
    /// <returns>The length of the file.</returns>
    /// <exception cref="FileNotFoundException">No such file (a server-side mistake, not the uploader's).</exception>
    /// <exception cref="IntakeException"><paramref name="emptyCode"/> or <paramref name="tooLargeCode"/>.</exception>
    public static long CheckSize(string path, long maxBytes, string kind, string emptyCode, string tooLargeCode)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Upload not found: {path}", path);
        }

        // The length comes from the directory entry, so a 2 GB (even sparse) file is refused without being read.
        if (info.Length == 0)
        {
            throw new IntakeException(emptyCode, "The file is empty (0 bytes).");
        }

        if (info.Length > maxBytes)
        {
            throw TooLarge(info.Length, maxBytes, kind, tooLargeCode);
        }

        return info.Length;
    }

    /// <summary>Checks the size, then reads the whole file (never more than <paramref name="maxBytes"/>).</summary>
    public static async Task<byte[]> ReadAsync(
        string path, long maxBytes, string kind, string emptyCode, string tooLargeCode, CancellationToken cancellationToken)
    {
        CheckSize(path, maxBytes, kind, emptyCode, tooLargeCode);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            // Checked again on the open handle: the buffer size must not come from a length that changed since.
            var length = stream.Length;
            if (length > maxBytes)
            {
                throw TooLarge(length, maxBytes, kind, tooLargeCode);
            }

            var buffer = new byte[length];
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer;
        }
    }

    private static IntakeException TooLarge(long length, long maxBytes, string kind, string code) =>
        new(code, $"The file is {ByteSize.Format(length)}; {kind} can be at most {ByteSize.Format(maxBytes)}.");
}
