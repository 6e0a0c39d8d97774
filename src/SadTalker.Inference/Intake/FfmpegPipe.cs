using System.ComponentModel;
using System.Diagnostics;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>
/// Runs a media tool like <see cref="MediaTool.RunAsync"/> but feeds bytes to its stdin (for example raw RGB frames
/// to encode), while stdout and stderr are drained at the same time so neither side can block on a full pipe.
/// </summary>
internal static class FfmpegPipe
{
    private const int MaxErrorChars = 4000;

    /// <param name="expectedOutputBytes">
    /// Size of stdout when known (a decoded frame): the buffer is allocated once and returned without a copy, which
    /// matters for a 40-megapixel frame of 120 MB.
    /// </param>
    /// <exception cref="MediaToolException">The tool could not be started or exited with a non-zero code.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process has been killed.</exception>
    public static async Task<MediaToolResult> RunAsync(
        MediaTool tool,
        IReadOnlyList<string> arguments,
        ReadOnlyMemory<byte> input,
        CancellationToken cancellationToken,
        int expectedOutputBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();

        var startInfo = new ProcessStartInfo(tool.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new MediaToolException(
                $"Could not start '{tool.Executable}': {ex.Message}. Is it installed and on PATH?", null, string.Empty, ex);
        }

        using (cancellationToken.Register(() => Kill(process)))
        {
            var stdout = new MemoryStream(expectedOutputBytes);
            var write = WriteAndCloseAsync(process.StandardInput.BaseStream, input);
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
            var readErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await Task.WhenAll(write, copyOut, readErr).ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
            var stderr = await readErr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var tail = stderr.Length <= MaxErrorChars ? stderr : "..." + stderr[^MaxErrorChars..];
                throw new MediaToolException(
                    $"{Path.GetFileName(tool.Executable)} exited with code {process.ExitCode}: {tail.Trim()}",
                    process.ExitCode,
                    stderr);
            }

            var output = expectedOutputBytes > 0 && stdout.Length == stdout.Capacity ? stdout.GetBuffer() : stdout.ToArray();
            return new MediaToolResult(output, stderr);
        }
    }

    private static async Task WriteAndCloseAsync(Stream stdin, ReadOnlyMemory<byte> input)
    {
        try
        {
            await stdin.WriteAsync(input, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The tool stopped reading (it failed, or was killed); its exit code and stderr explain why.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Closing a pipe whose reader is gone: nothing left to do.
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to kill.
        }
    }
}
