using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>
/// Accepts or refuses an uploaded portrait. In order: size limit (before reading), format and declared size from the
/// headers (before decoding), pixel limit, completeness, decode with ffmpeg, EXIF orientation, face check, then the
/// normalized PNG and the thumbnail are written under server-chosen names. A refusal is an <see cref="IntakeException"/>
/// and leaves no file behind.
/// </summary>
public sealed class PortraitIntake
{
    /// <summary>The thumbnail fits inside this many pixels on each side.</summary>
    public const int ThumbnailSize = 256;

    private readonly FaceCheck _faceCheck;
    private readonly IntakeLimits _limits;
    private readonly MediaTool _ffmpeg;

    public PortraitIntake(FaceCheck faceCheck, IntakeLimits? limits = null, MediaTool? ffmpeg = null)
    {
        ArgumentNullException.ThrowIfNull(faceCheck);
        _faceCheck = faceCheck;
        _limits = limits ?? new IntakeLimits();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_limits.MaxImageBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_limits.MaxImagePixels);
        _ffmpeg = ffmpeg ?? MediaTool.Ffmpeg;
    }

    /// <param name="sourcePath">The uploaded file, under whatever name the server gave it; its name is never read.</param>
    /// <param name="workDir">Where the derived files go; created if missing.</param>
    /// <exception cref="IntakeException">The upload is refused; the message is for the uploader.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="sourcePath"/> does not exist.</exception>
    /// <exception cref="MediaToolException">ffmpeg could not be started (a server problem, not the upload's).</exception>
    public async Task<PortraitIntakeResult> ProcessAsync(string sourcePath, string workDir, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentException.ThrowIfNullOrEmpty(workDir);

        var data = await SourceFile.ReadAsync(
            sourcePath, _limits.MaxImageBytes, "portraits", IntakeErrorCodes.ImageEmpty, IntakeErrorCodes.ImageTooLarge,
            cancellationToken).ConfigureAwait(false);

        var header = ImageFormatSniffer.Sniff(data);
        if (header.PixelCount > _limits.MaxImagePixels)
        {
            throw new IntakeException(
                IntakeErrorCodes.ImageTooManyPixels,
                FormattableString.Invariant($"The image is {header.Width} x {header.Height} pixels ") +
                FormattableString.Invariant($"({header.PixelCount / 1e6:0.#} megapixels); the limit is {_limits.MaxImagePixels / 1e6:0.#} megapixels."));
        }

        ImageFormatSniffer.EnsureComplete(data, header.Format);
        var stored = await DecodeAsync(data, header, cancellationToken).ConfigureAwait(false);
        var upright = ImageOrientation.Apply(stored, header.Orientation);
        var thumbnail = ImageShrink.Fit(upright, ThumbnailSize);
        var face = _faceCheck.Check(upright);

        var outputs = new OutputFiles(workDir);
        try
        {
            var normalizedPath = outputs.Reserve("portrait.png");
            var thumbnailPath = outputs.Reserve("thumb.png");
            var normalizedPng = await RgbPngEncoder.EncodeAsync(upright, _ffmpeg, cancellationToken).ConfigureAwait(false);
            var thumbnailPng = await RgbPngEncoder.EncodeAsync(thumbnail, _ffmpeg, cancellationToken).ConfigureAwait(false);
            await outputs.WriteAsync(normalizedPath, normalizedPng, default, cancellationToken).ConfigureAwait(false);
            await outputs.WriteAsync(thumbnailPath, thumbnailPng, default, cancellationToken).ConfigureAwait(false);
            return new PortraitIntakeResult(
                header.Format, upright.Width, upright.Height, header.Orientation, data.LongLength,
                normalizedPath, thumbnailPath, thumbnail.Width, thumbnail.Height, face);
        }
        catch
        {
            outputs.DeleteAll();
            throw;
        }
    }

    private async Task<RgbImage> DecodeAsync(byte[] data, ImageHeader header, CancellationToken cancellationToken)
    {
        // The demuxer is forced from our own sniffing, so ffmpeg never guesses a format from the bytes, and the data
        // goes through stdin, so no path reaches ffmpeg or its messages. -noautorotate: orientation is ours to apply.
        var demuxer = header.Format switch
        {
            ImageFormat.Jpeg => "jpeg_pipe",
            ImageFormat.Png => "png_pipe",
            ImageFormat.WebP => "webp_pipe",
            _ => "bmp_pipe",
        };
        MediaToolResult decoded;
        try
        {
            decoded = await _ffmpeg.RunAsync(
                ["-v", "error", "-noautorotate", "-f", demuxer, "-i", "pipe:0",
                 "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
                data,
                cancellationToken,
                expectedOutputBytes: (int)Math.Min(header.PixelCount * RgbImage.Channels, Array.MaxLength)).ConfigureAwait(false);
        }
        catch (MediaToolException ex) when (ex.ExitCode is not null)
        {
            throw new IntakeException(
                IntakeErrorCodes.ImageCorrupt,
                $"The image is damaged and could not be decoded (decoder: {FfmpegErrorSummary.Summarize(ex.StandardError)}).",
                ex);
        }

        var expected = header.PixelCount * RgbImage.Channels;
        if (decoded.StandardOutput.LongLength != expected)
        {
            var reason = FfmpegErrorSummary.Summarize(decoded.StandardError);
            throw new IntakeException(
                IntakeErrorCodes.ImageCorrupt,
                $"The image is damaged: its pixel data does not match its declared size (decoder: {reason}).");
        }

        return new RgbImage(header.Width, header.Height, decoded.StandardOutput);
    }
}
