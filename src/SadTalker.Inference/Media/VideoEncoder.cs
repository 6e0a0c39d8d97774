using System.Globalization;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>
/// Streams RGB24 frames into ffmpeg's stdin and writes an H.264 yuv420p + AAC MP4 at 25 fps with the moov atom first
/// (<c>+faststart</c>). Frames are not kept: a write waits while ffmpeg's pipe is full, so memory stays at one frame
/// however long the video. Not thread-safe: one writer, frames in order.
/// </summary>
/// <remarks>
/// <para>The audio input goes through <c>apad</c> (endless trailing silence) and the output uses <c>-shortest</c>,
/// so the video stream sets the length: audio longer than FrameCount/25 s is cut, shorter audio is padded. With
/// 48 kHz AAC the audio track ends within one 21 ms packet of the video (measured: 2.005 s of audio for 50 frames).
/// <c>-t</c> is not used because the frame count is only known at the end.</para>
/// <para>ffmpeg writes to a hidden temporary file beside the target, which <see cref="CompleteAsync"/> renames over
/// the target (atomic on one file system). Any failure or cancellation kills ffmpeg and deletes the temporary file,
/// so the target is either the complete new video or untouched.</para>
/// </remarks>
public sealed class VideoEncoder : IAsyncDisposable
{
    /// <summary>Output frame rate, as SadTalker writes it (src/facerender/animate.py, fps 25).</summary>
    public const int FramesPerSecond = 25;

    // After stdin breaks, ffmpeg is already on its way out; this only bounds a hung process.
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

    private readonly MediaProcess _process;
    private readonly string _outputPath;
    private readonly string _tempPath;
    private readonly int _frameBytes;
    private State _state = State.Open;

    private VideoEncoder(MediaProcess process, string outputPath, string tempPath, int frameBytes)
    {
        _process = process;
        _outputPath = outputPath;
        _tempPath = tempPath;
        _frameBytes = frameBytes;
    }

    private enum State
    {
        Open,
        Completed,
        Failed,
    }

    /// <summary>Whether ffmpeg has exited.</summary>
    internal bool ProcessHasExited => _process.HasExited;

    /// <summary>Hidden temporary file ffmpeg writes into until <see cref="CompleteAsync"/> moves it.</summary>
    internal string TempPath => _tempPath;

    /// <summary>Frames written so far.</summary>
    public long FrameCount { get; private set; }

    /// <inheritdoc cref="Start(VideoEncoderSettings, MediaTool)"/>
    public static VideoEncoder Start(VideoEncoderSettings settings) => Start(settings, MediaTool.Ffmpeg);

    /// <summary>Starts ffmpeg; frames go in with <see cref="WriteFrameAsync"/>.</summary>
    /// <exception cref="ArgumentException">Odd or non-positive size, or settings out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">The output folder does not exist.</exception>
    /// <exception cref="MediaToolException">ffmpeg could not be started.</exception>
    public static VideoEncoder Start(VideoEncoderSettings settings, MediaTool ffmpeg)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ffmpeg);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.OutputPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Preset);
        ValidateSize(settings.Width, nameof(settings.Width));
        ValidateSize(settings.Height, nameof(settings.Height));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Crf);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Crf, 51);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.AudioSampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.AudioBitrate);

        var outputPath = Path.GetFullPath(settings.OutputPath);
        var folder = Path.GetDirectoryName(outputPath)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Output folder does not exist: {folder}");
        }

        var tempPath = Path.Combine(folder, $".{Path.GetFileName(outputPath)}.{Guid.NewGuid():N}.partial");
        var process = MediaProcess.Start(ffmpeg, Arguments(settings, tempPath), keepInput: true);
        return new VideoEncoder(process, outputPath, tempPath, settings.Width * settings.Height * 3);
    }

    /// <summary>Sends one frame; waits while ffmpeg is busy (pipe back-pressure).</summary>
    /// <param name="rgb24">Exactly width·height·3 bytes, rows top to bottom, no padding.</param>
    /// <exception cref="ArgumentException">Wrong frame size.</exception>
    /// <exception cref="MediaToolException">ffmpeg failed; the message carries its stderr. The encoder is finished.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: ffmpeg was killed and the temporary file deleted.</exception>
    /// <exception cref="InvalidOperationException">The encoder already completed or failed.</exception>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        if (rgb24.Length != _frameBytes)
        {
            throw new ArgumentException($"A frame is {_frameBytes} bytes of RGB24; got {rgb24.Length}.", nameof(rgb24));
        }

        await AbortIfCancelledAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Killing ffmpeg breaks the pipe, which ends a blocked write on every platform.
            using (cancellationToken.Register(_process.Kill))
            {
                await _process.Input.WriteAsync(rgb24, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // ffmpeg closed its stdin: it failed (or was killed by someone else); its stderr says why.
            throw await FailAsync("encode", await ExitCodeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Cancelled mid-write: reported just below.
        }

        await AbortIfCancelledAsync(cancellationToken).ConfigureAwait(false);
        FrameCount++;
    }

    /// <summary>Ends the input, waits for ffmpeg and moves the finished file to the target path.</summary>
    /// <exception cref="InvalidOperationException">No frame was written, or the encoder already completed or failed.</exception>
    /// <exception cref="MediaToolException">ffmpeg failed; nothing was written to the target.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: ffmpeg was killed and the temporary file deleted.</exception>
    public async Task<VideoEncodeResult> CompleteAsync(CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        if (FrameCount == 0)
        {
            throw new InvalidOperationException("No frames were written; an MP4 needs at least one.");
        }

        await AbortIfCancelledAsync(cancellationToken).ConfigureAwait(false);
        int exitCode;
        try
        {
            try
            {
                await _process.Input.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // ffmpeg already exited; its exit code tells the rest.
            }

            exitCode = await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }

        if (exitCode != 0)
        {
            throw await FailAsync("encode", exitCode).ConfigureAwait(false);
        }

        try
        {
            File.Move(_tempPath, _outputPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw new IOException($"Could not move the encoded video to {_outputPath}: {ex.Message}", ex);
        }

        _state = State.Completed;
        var duration = TimeSpan.FromSeconds((double)FrameCount / FramesPerSecond);
        return new VideoEncodeResult(_outputPath, FrameCount, duration, new FileInfo(_outputPath).Length);
    }

    /// <summary>Unless completed: kills ffmpeg and deletes the temporary file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_state != State.Completed)
        {
            await AbortAsync().ConfigureAwait(false);
        }

        await _process.DisposeAsync().ConfigureAwait(false);
    }

    internal static List<string> Arguments(VideoEncoderSettings settings, string tempPath)
    {
        var inv = CultureInfo.InvariantCulture;
        var hasAudio = settings.AudioPath is not null;
        List<string> args =
        [
            "-v", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", $"{settings.Width}x{settings.Height}",
            "-framerate", FramesPerSecond.ToString(inv), "-i", "pipe:0",
        ];
        if (hasAudio)
        {
            // No existence check here on purpose: ffmpeg's own message ("No such file or directory") is the error.
            args.AddRange(["-i", "file:" + Path.GetFullPath(settings.AudioPath!)]);
        }

        args.AddRange(["-map", "0:v:0"]);
        if (hasAudio)
        {
            args.AddRange(["-map", "1:a:0"]);
        }

        args.AddRange(
        [
            "-c:v", "libx264", "-preset", settings.Preset, "-crf", settings.Crf.ToString(inv), "-pix_fmt", "yuv420p",
            "-r", FramesPerSecond.ToString(inv),
        ]);
        if (hasAudio)
        {
            args.AddRange(
            [
                "-af", "apad", "-c:a", "aac", "-b:a", settings.AudioBitrate.ToString(inv),
                "-ar", settings.AudioSampleRate.ToString(inv), "-shortest",
            ]);
        }

        args.AddRange(["-movflags", "+faststart", "-f", "mp4", "file:" + tempPath]);
        return args;
    }

    private static void ValidateSize(int size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, name);
        if (size % 2 != 0)
        {
            throw new ArgumentException($"{name} must be even for yuv420p; got {size}.", name);
        }
    }

    private void ThrowIfNotOpen()
    {
        if (_state != State.Open)
        {
            throw new InvalidOperationException($"The encoder has already {(_state == State.Completed ? "completed" : "failed")}.");
        }
    }

    private async ValueTask AbortIfCancelledAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            await AbortAsync().ConfigureAwait(false);
            throw new OperationCanceledException("Video encoding was cancelled.", null, cancellationToken);
        }
    }

    private async Task<int?> ExitCodeAsync()
    {
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            return await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<MediaToolException> FailAsync(string what, int? exitCode)
    {
        await AbortAsync().ConfigureAwait(false);
        return _process.Failure($"{what} {_outputPath}", exitCode);
    }

    private async Task AbortAsync()
    {
        _state = State.Failed;
        _process.Kill();
        await ExitCodeAsync().ConfigureAwait(false);
        try
        {
            File.Delete(_tempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // REVIEW: a leftover hidden .partial file is only disk waste; the error that brought us here matters more.
        }
    }
}
