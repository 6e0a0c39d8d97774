using SadTalker.Inference.Imaging;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Media;

namespace SadTalker.Web.Features.Generation.References;

/// <summary>
/// Decides from its bytes (ffprobe) whether an uploaded file can serve as a reference eye-blink / pose video: it has a
/// moving-picture stream (not a still image, not audio with cover art) and lasts at most <see cref="MaxSeconds"/>.
/// The name and the browser's Content-Type play no part. Refusals are <see cref="IntakeException"/>s for the user.
/// </summary>
public static class ReferenceVideoIntake
{
    /// <summary>Upload limit; SadTalker reads every frame of the reference, so long files only cost time.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    public const double MaxSeconds = 5 * 60;

    public const string Accept = "video/*,.mp4,.mov,.webm,.mkv,.avi";

    public const string Empty = "reference.empty";
    public const string NotVideo = "reference.not_video";
    public const string StillImage = "reference.still_image";
    public const string NoVideoStream = "reference.no_video_stream";
    public const string NoDuration = "reference.no_duration";
    public const string TooLong = "reference.too_long";

    /// <summary>Facts of an accepted reference video.</summary>
    public sealed record Accepted(string FileName, double DurationSeconds, int Width, int Height, string Format);

    public static async Task<Accepted> ProbeAsync(string tempFile, string? clientFileName, CancellationToken ct)
    {
        var fileName = UploadFileName.Sanitize(clientFileName);
        if (new FileInfo(tempFile).Length == 0)
        {
            throw new IntakeException(Empty, $"{fileName} is empty (0 bytes); choose a video file.");
        }

        MediaInfo info;
        try
        {
            info = await MediaProbe.ProbeAsync(tempFile, ct);
        }
        catch (MediaToolException)
        {
            throw new IntakeException(NotVideo, $"{fileName} is not a video that can be read (MP4, MOV, WebM, MKV or AVI with a video track).");
        }

        // ffmpeg reads a single picture through an image "pipe" demuxer: png_pipe, jpeg_pipe, webp_pipe, image2 …
        if (info.FormatName.EndsWith("_pipe", StringComparison.Ordinal) || info.FormatName == "image2")
        {
            throw new IntakeException(StillImage, $"{fileName} is a still image; a reference video needs moving pictures of a face.");
        }

        // Cover art in audio files shows up as a one-frame mjpeg/png "video" stream (as in the consent evidence intake).
        var video = info.FormatName is "wav" or "mp3" or "flac" or "aac"
            ? null
            : info.Streams.FirstOrDefault(s => s.Kind == MediaStreamKind.Video && s.CodecName is not ("mjpeg" or "png" or "bmp"));
        if (video is null)
        {
            throw new IntakeException(NoVideoStream, $"{fileName} has no video stream (audio only?); a reference video needs moving pictures of a face.");
        }

        var seconds = (info.Duration ?? video.Duration)?.TotalSeconds;
        if (seconds is not > 0)
        {
            throw new IntakeException(NoDuration, $"{fileName} has no readable duration; re-export it as MP4.");
        }

        if (seconds > MaxSeconds)
        {
            throw new IntakeException(TooLong, $"{fileName} lasts {seconds / 60:0.0} min; reference videos are limited to {MaxSeconds / 60:0} min. Trim it first.");
        }

        return new Accepted(fileName, Math.Round(seconds.Value, 3), video.Width ?? 0, video.Height ?? 0, info.FormatName);
    }
}
