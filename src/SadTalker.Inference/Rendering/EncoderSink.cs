using SadTalker.Inference.Engines;
using SadTalker.Inference.Media;

namespace SadTalker.Inference.Rendering;

/// <summary>
/// The <see cref="IFrameSink"/> of <see cref="RenderPipeline"/>: runs the filters on a reused copy of each frame and
/// streams it into <see cref="VideoEncoder"/>. Disposing it before <see cref="CompleteAsync"/> kills ffmpeg and
/// deletes the partial file.
/// </summary>
internal sealed class EncoderSink(
    RenderJob job, RenderPipelineOptions options, ProgressTracker tracker) : IFrameSink, IAsyncDisposable
{
    private VideoEncoder? _encoder;
    private byte[]? _work;
    private int _width, _height, _expected;
    private long _written;

    public int Width => _width;

    public int Height => _height;

    public ValueTask BeginAsync(int width, int height, int frameCount, CancellationToken cancellationToken)
    {
        if (_encoder is not null)
        {
            throw new InvalidOperationException("BeginAsync was already called.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameCount);
        cancellationToken.ThrowIfCancellationRequested();
        (_width, _height, _expected) = (width, height, frameCount);
        var settings = new VideoEncoderSettings(job.OutputPath, width, height)
        {
            AudioPath = job.Request.AudioPath,
            Preset = options.Preset,
            Crf = options.Crf,
        };
        _encoder = VideoEncoder.Start(settings, options.Ffmpeg);
        foreach (var filter in job.Filters)
        {
            filter.Begin(width, height, frameCount);
        }

        if (job.Filters.Count > 0)
        {
            _work = new byte[width * height * 3];
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken)
    {
        var encoder = _encoder ?? throw new InvalidOperationException("BeginAsync must be called before the first frame.");
        if (_written >= _expected)
        {
            throw new InvalidOperationException($"The engine announced {_expected} frames but wrote more.");
        }

        var frame = rgb24;
        if (_work is not null && rgb24.Length == _work.Length)
        {
            rgb24.Span.CopyTo(_work);
            foreach (var filter in job.Filters)
            {
                filter.Apply(_work, _written);
            }

            frame = _work;
        }

        await encoder.WriteFrameAsync(frame, cancellationToken).ConfigureAwait(false);
        _written++;
        tracker.OnFrame(frame.Span, _width, _height, _written);
    }

    /// <summary>Finishes the MP4 once every announced frame has been written.</summary>
    public Task<VideoEncodeResult> CompleteAsync(CancellationToken cancellationToken)
    {
        var encoder = _encoder ?? throw new InvalidOperationException("The engine finished without writing any frame.");
        if (_written != _expected)
        {
            throw new InvalidOperationException($"The engine announced {_expected} frames but wrote {_written}.");
        }

        return encoder.CompleteAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_encoder is not null)
        {
            await _encoder.DisposeAsync().ConfigureAwait(false);
        }
    }
}
