using System.Runtime.InteropServices;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>
/// Streams 16 kHz mono float32 samples from a running ffmpeg (see <see cref="AudioDecoder.Open(string)"/>), so a long
/// file never has to be held in memory. Not thread-safe; dispose it to stop ffmpeg.
/// </summary>
public sealed class AudioSampleReader : IAsyncDisposable
{
    private readonly MediaProcess _process;
    private readonly string _path;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _pending;
    private bool _finished;

    internal AudioSampleReader(MediaProcess process, string path)
    {
        _process = process;
        _path = path;
    }

    /// <summary>Whether ffmpeg has exited.</summary>
    internal bool ProcessHasExited => _process.HasExited;

    /// <summary>Always <see cref="AudioDecoder.SampleRate"/>.</summary>
    public int SampleRate => AudioDecoder.SampleRate;

    /// <summary>Samples returned so far.</summary>
    public long SamplesRead { get; private set; }

    /// <summary>
    /// Reads up to destination.Length samples; returns how many, or 0 once the stream has ended and ffmpeg exited cleanly.
    /// </summary>
    /// <exception cref="MediaToolException">ffmpeg failed; the message carries its stderr.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg has been killed and the reader is finished.</exception>
    public async ValueTask<int> ReadAsync(Memory<float> destination, CancellationToken cancellationToken)
    {
        if (destination.IsEmpty || _finished)
        {
            return 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            // At least one whole sample beyond the 0-3 bytes left over from the previous read.
            var want = (int)Math.Min(_buffer.Length, Math.Max(4L, destination.Length * 4L));
            int read;
            try
            {
                read = await _process.ReadOutputAsync(_buffer.AsMemory(_pending, want - _pending), cancellationToken).ConfigureAwait(false);
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
                if (exitCode != 0)
                {
                    throw _process.Failure($"decode audio from {_path}", exitCode);
                }

                return 0;
            }

            var total = _pending + read;
            var count = total / sizeof(float);
            if (count == 0)
            {
                _pending = total;
                continue;
            }

            MemoryMarshal.Cast<byte, float>(_buffer.AsSpan(0, count * sizeof(float))).CopyTo(destination.Span);
            _pending = total - (count * sizeof(float));
            _buffer.AsSpan(count * sizeof(float), _pending).CopyTo(_buffer);
            SamplesRead += count;
            return count;
        }
    }

    /// <summary>Stops ffmpeg if it is still running.</summary>
    public ValueTask DisposeAsync()
    {
        _finished = true;
        return _process.DisposeAsync();
    }
}
