using SadTalker.Inference.Imaging;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Media;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Consent;

/// <summary>
/// Decides what an evidence file is from its bytes alone: PDF by its <c>%PDF-</c> magic, JPEG/PNG/WebP by
/// <see cref="ImageFormatSniffer"/>, audio and video by ffprobe against an allow list of containers. The name and
/// the browser's Content-Type play no part. Refusals are <see cref="IntakeException"/>s with a message for the user.
/// </summary>
public sealed class EvidenceIntake(PdfPreview pdf)
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxFiles = 10;
    public const string Accept = ".pdf,.jpg,.jpeg,.png,.webp,audio/*,video/*";

    public const string TooLarge = "evidence.too_large";
    public const string Unsupported = "evidence.unsupported";
    public const string Empty = "evidence.empty";
    public const string PdfUnreadable = "evidence.pdf_unreadable";

    private const string Allowed = "Evidence must be a PDF, a JPEG/PNG/WebP image, or an audio or video recording.";
    private const int HeadBytes = 64 * 1024;

    public async Task<EvidenceIntakeResult> ProcessAsync(string tempFile, string? clientFileName, string workDir, CancellationToken ct)
    {
        var fileName = UploadFileName.Sanitize(clientFileName);
        var length = new FileInfo(tempFile).Length;
        if (length == 0)
        {
            throw new IntakeException(Empty, $"{fileName} is empty (0 bytes).");
        }

        if (length > MaxBytes)
        {
            throw new IntakeException(TooLarge, $"{fileName} is {length / (1024.0 * 1024):0.#} MB; evidence files are limited to {MaxBytes / (1024 * 1024)} MB each.");
        }

        var head = new byte[(int)Math.Min(length, HeadBytes)];
        await using (var stream = File.OpenRead(tempFile))
        {
            await stream.ReadExactlyAsync(head, ct);
        }

        if (head.AsSpan().StartsWith("%PDF-"u8))
        {
            return await PdfAsync(tempFile, fileName, length, workDir, ct);
        }

        if (await ImageAsync(tempFile, head, length, fileName, ct) is { } imageType)
        {
            return new(tempFile, fileName, EvidenceKind.Image, imageType, length, null);
        }

        var (kind, type) = await MediaAsync(tempFile, fileName, ct);
        return new(tempFile, fileName, kind, type, length, null);
    }

    private async Task<EvidenceIntakeResult> PdfAsync(string tempFile, string fileName, long length, string workDir, CancellationToken ct)
    {
        try
        {
            var preview = await pdf.RenderFirstPageAsync(tempFile, workDir, ct);
            return new(tempFile, fileName, EvidenceKind.Pdf, "application/pdf", length, preview);
        }
        catch (MediaToolException)
        {
            throw new IntakeException(PdfUnreadable, $"{fileName} starts like a PDF but cannot be read (damaged or password-protected). Upload an unprotected copy.");
        }
    }

    /// <summary>The image's content type, or null when the bytes are not an image at all (then ffprobe decides).</summary>
    private static async Task<string?> ImageAsync(string tempFile, byte[] head, long length, string fileName, CancellationToken ct)
    {
        ImageHeader header;
        byte[] data = head;
        try
        {
            header = ImageFormatSniffer.Sniff(data);
        }
        catch (IntakeException ex) when (ex.Code is IntakeErrorCodes.ImageUnsupportedFormat)
        {
            return null;
        }
        catch (IntakeException) when (length > head.Length)
        {
            // Headers longer than the first 64 KB (large EXIF): look at the whole file.
            data = await File.ReadAllBytesAsync(tempFile, ct);
            header = Refuse(fileName, () => ImageFormatSniffer.Sniff(data));
        }
        catch (IntakeException ex)
        {
            throw new IntakeException(Unsupported, $"{fileName}: {ex.Message}");
        }

        var type = header.Format switch
        {
            ImageFormat.Jpeg => "image/jpeg",
            ImageFormat.Png => "image/png",
            ImageFormat.WebP => "image/webp",
            _ => throw new IntakeException(Unsupported, $"{fileName} is a {header.Format} image. {Allowed}"),
        };
        if (data.Length < length)
        {
            data = await File.ReadAllBytesAsync(tempFile, ct);
        }

        Refuse(fileName, () =>
        {
            ImageFormatSniffer.EnsureComplete(data, header.Format);
            return true;
        });
        return type;
    }

    private static async Task<(EvidenceKind Kind, string ContentType)> MediaAsync(string tempFile, string fileName, CancellationToken ct)
    {
        MediaInfo info;
        try
        {
            info = await MediaProbe.ProbeAsync(tempFile, ct);
        }
        catch (MediaToolException)
        {
            throw new IntakeException(Unsupported, $"{fileName} is not a file type accepted as evidence. {Allowed}");
        }

        var format = info.FormatName;
        var audioOnly = format is "wav" or "mp3" or "flac" or "aac";
        // Cover art in audio files shows up as a one-frame mjpeg/png "video" stream.
        var video = !audioOnly && info.Streams.Any(s => s.Kind == MediaStreamKind.Video && s.CodecName is not ("mjpeg" or "png" or "bmp"));
        if (!video && info.Audio is null)
        {
            throw new IntakeException(Unsupported, $"{fileName} has no audio or video stream. {Allowed}");
        }

        string? type = format switch
        {
            "wav" => "audio/wav",
            "mp3" => "audio/mpeg",
            "flac" => "audio/flac",
            "aac" => "audio/aac",
            "ogg" => video ? "video/ogg" : "audio/ogg",
            _ when format.Contains("mp4", StringComparison.Ordinal) => video ? "video/mp4" : "audio/mp4",
            _ when format.Contains("webm", StringComparison.Ordinal) => video ? "video/webm" : "audio/webm",
            _ => null,
        };
        return type is null
            ? throw new IntakeException(Unsupported, $"{fileName} is a media format ({format}) not accepted as evidence. Use MP4, WebM, MP3, WAV, OGG, FLAC or AAC.")
            : (video ? EvidenceKind.Video : EvidenceKind.Audio, type);
    }

    private static T Refuse<T>(string fileName, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (IntakeException ex)
        {
            throw new IntakeException(Unsupported, $"{fileName}: {ex.Message}");
        }
    }
}
