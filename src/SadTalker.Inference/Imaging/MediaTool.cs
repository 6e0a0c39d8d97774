using System.ComponentModel;
using System.Diagnostics;

namespace SadTalker.Inference.Imaging;

/// <summary>
/// Runs one command-line media tool (ffmpeg, ffprobe) with arguments passed as a list (no shell, no quoting),
/// collecting stdout as bytes through a pipe and stderr as text. Cancellation kills the process tree.
/// </summary>
public sealed class MediaTool
{
    // Enough of stderr to explain a failure without copying megabytes of progress lines into an exception message.
    private const int MaxErrorChars = 4000;

    public MediaTool(string executable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        Executable = executable;
    }

    /// <summary>ffmpeg from PATH.</summary>
    public static MediaTool Ffmpeg { get; } = new("ffmpeg");

    /// <summary>ffprobe from PATH.</summary>
    public static MediaTool Ffprobe { get; } = new("ffprobe");

    /// <summary>Executable name (looked up on PATH) or full path.</summary>
    public string Executable { get; }

    /// <summary>Runs the tool to completion with nothing on stdin.</summary>
    /// <exception cref="MediaToolException">The tool could not be started or exited with a non-zero code.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process has been killed.</exception>
    public Task<MediaToolResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(arguments, ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <summary>
    /// Runs the tool to completion, feeding <paramref name="input"/> to its stdin (for example raw RGB frames to
    /// encode) while stdout and stderr are drained at the same time, so neither side can block on a full pipe.
    /// </summary>
    /// <param name="expectedOutputBytes">
    /// Size of stdout when known (a decoded frame): the buffer is allocated once and returned without a copy, which
    /// matters for a 40-megapixel frame of 120 MB.
    /// </param>
    /// <exception cref="MediaToolException">The tool could not be started or exited with a non-zero code.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process has been killed.</exception>
    public async Task<MediaToolResult> RunAsync(
        IReadOnlyList<string> arguments, ReadOnlyMemory<byte> input, CancellationToken cancellationToken, int expectedOutputBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();

        var startInfo = new ProcessStartInfo(Executable)
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
                $"Could not start '{Executable}': {ex.Message}. Is it installed and on PATH?", null, string.Empty, ex);
        }

        // Killing the process closes its pipes, which ends the reads below; the pipe reads themselves are not
        // cancellable on every platform, so cancellation goes through the process.
        using (cancellationToken.Register(() => Kill(process)))
        {
            var stdout = new MemoryStream(expectedOutputBytes);

            // Closing stdin after the input (or at once when there is none) stops ffmpeg waiting for keys.
            var write = WriteAndCloseAsync(process.StandardInput.BaseStream, input);
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
            var readErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await Task.WhenAll(write, copyOut, readErr).ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
            var stderr = await readErr.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new MediaToolException(
                    $"{Path.GetFileName(Executable)} exited with code {process.ExitCode}: {Tail(stderr).Trim()}",
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

    private static string Tail(string text) =>
        text.Length <= MaxErrorChars ? text : "..." + text[^MaxErrorChars..];
}
