using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>
/// One running ffmpeg whose stdin and stdout stream (unlike <see cref="MediaTool.RunAsync"/>, which buffers stdout):
/// stderr is drained in the background into a bounded tail, so a chatty tool can never block on a full pipe and a
/// failure can still be explained. Kill ends the whole process tree.
/// </summary>
internal sealed class MediaProcess : IAsyncDisposable
{
    // Enough of stderr to explain a failure (same bound as MediaTool).
    private const int MaxErrorChars = 4000;

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrDrain;
    private bool _stderrTruncated;
    private bool _disposed;

    private MediaProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _stderrDrain = DrainStandardErrorAsync();
    }

    /// <summary>Whether the process has exited (tests check that cancellation really ended ffmpeg).</summary>
    internal bool HasExited => _disposed || _process.HasExited;

    /// <summary>The tool's file name, for messages.</summary>
    public string Name { get; }

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Starts the tool; stdin stays open only when <paramref name="keepInput"/> is set.</summary>
    /// <exception cref="MediaToolException">The executable could not be started.</exception>
    public static MediaProcess Start(MediaTool tool, IReadOnlyList<string> arguments, bool keepInput)
    {
        ArgumentNullException.ThrowIfNull(tool);
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

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new MediaToolException(
                $"Could not start '{tool.Executable}': {ex.Message}. Is it installed and on PATH?", null, string.Empty, ex);
        }

        if (!keepInput)
        {
            process.StandardInput.Close();
        }

        return new MediaProcess(process, Path.GetFileName(tool.Executable));
    }

    /// <summary>The last few thousand characters ffmpeg wrote to stderr so far.</summary>
    public string StandardErrorTail
    {
        get
        {
            lock (_stderr)
            {
                var text = _stderr.ToString().Trim();
                return _stderrTruncated || text.Length > MaxErrorChars ? "..." + text[^Math.Min(text.Length, MaxErrorChars)..] : text;
            }
        }
    }

    /// <summary>Kills the process tree; a no-op once it has exited.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited (or never started): nothing to kill.
        }
    }

    /// <summary>
    /// Reads stdout into <paramref name="buffer"/>; 0 at its end. Cancellation kills the process (a pending pipe read
    /// then ends with end-of-file, which works on every platform) and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async ValueTask<int> ReadOutputAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int read;
        using (cancellationToken.Register(Kill))
        {
            try
            {
                read = await Output.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException) when (cancellationToken.IsCancellationRequested)
            {
                read = 0;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return read;
    }

    /// <summary>Waits for exit and for stderr to be drained; cancellation kills the process first.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(Kill))
        {
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await _stderrDrain.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _process.ExitCode;
    }

    /// <summary>An exception for a failed run that carries the exit code and ffmpeg's own explanation.</summary>
    public MediaToolException Failure(string what, int? exitCode)
    {
        var tail = StandardErrorTail;
        var code = exitCode is { } c ? $" (exit code {c})" : string.Empty;
        var detail = tail.Length > 0 ? tail : "no message on stderr";
        return new MediaToolException($"{Name} failed to {what}{code}: {detail}", exitCode, tail);
    }

    /// <summary>Kills the process if it is still running and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await _stderrDrain.ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task DrainStandardErrorAsync()
    {
        var reader = _process.StandardError;
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            lock (_stderr)
            {
                _stderr.Append(buffer, 0, read);
                if (_stderr.Length > 2 * MaxErrorChars)
                {
                    _stderr.Remove(0, _stderr.Length - MaxErrorChars);
                    _stderrTruncated = true;
                }
            }
        }
    }
}
