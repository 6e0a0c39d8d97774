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

    /// <summary>Runs the tool to completion.</summary>
    /// <exception cref="MediaToolException">The tool could not be started or exited with a non-zero code.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process has been killed.</exception>
    public async Task<MediaToolResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
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

        // Nothing is piped in; closing stdin stops ffmpeg from waiting for interactive keys.
        process.StandardInput.Close();

        // Killing the process closes its pipes, which ends both reads below; the pipe reads themselves are not
        // cancellable on every platform, so cancellation goes through the process.
        using (cancellationToken.Register(() => Kill(process)))
        {
            var stdout = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
            var readErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            await Task.WhenAll(copyOut, readErr).ConfigureAwait(false);
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

            return new MediaToolResult(stdout.ToArray(), stderr);
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
