using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>
/// Reads RGB24 frames one at a time from a running ffmpeg (see <see cref="VideoFrameDecoder.Open(string, int, int)"/>),
/// so a video is never held in memory. Not thread-safe; dispose it to stop ffmpeg.
/// </summary>
public sealed class VideoFrameReader : IAsyncDisposable
{
    private readonly MediaProcess _process;
    private readonly string _path;
    private bool _finished;

    internal VideoFrameReader(MediaProcess process, string path, int width, int height)
    {
        _process = process;
        _path = path;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Frames returned so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Fills <paramref name="frame"/> with the next frame; false once the video has ended and ffmpeg exited cleanly.</summary>
    /// <exception cref="MediaToolException">ffmpeg failed or stopped inside a frame; the message carries its stderr.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg has been killed.</exception>
    public async ValueTask<bool> ReadAsync(RgbImage frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"Frames are {Width}x{Height}; got a {frame.Width}x{frame.Height} buffer.", nameof(frame));
        }

        if (_finished)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var filled = 0;
        while (filled < frame.Pixels.Length)
        {
            int read;
            try
            {
                read = await _process.ReadOutputAsync(frame.Pixels.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _finished = true;
                throw;
            }

            if (read == 0)
            {
                _finished = true;
                var exitCode = await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                if (exitCode != 0 || filled > 0)
                {
                    throw _process.Failure($"decode video frame {FramesRead} of {_path}", exitCode);
                }

                return false;
            }

            filled += read;
        }

        FramesRead++;
        return true;
    }

    /// <summary>Stops ffmpeg if it is still running.</summary>
    public ValueTask DisposeAsync()
    {
        _finished = true;
        return _process.DisposeAsync();
    }
}
