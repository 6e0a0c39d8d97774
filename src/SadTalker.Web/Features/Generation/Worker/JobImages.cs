using System.Globalization;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Imaging;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>Small JPEGs made with ffmpeg: the live preview of a frame and the video's thumbnail.</summary>
internal static class JobImages
{
    public const int ThumbnailWidth = 320;

    /// <summary>Encodes an RGB24 preview frame as JPEG bytes.</summary>
    public static async Task<byte[]> PreviewJpegAsync(PreviewFrame frame, CancellationToken ct)
    {
        var result = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{frame.Width}x{frame.Height}", "-i", "-",
             "-frames:v", "1", "-q:v", "5", "-f", "mjpeg", "-"],
            frame.Rgb24, ct);
        return result.StandardOutput;
    }

    /// <summary>
    /// Writes a JPEG of the frame at <paramref name="at"/> seconds, <see cref="ThumbnailWidth"/> wide. A seek past
    /// the last frame makes ffmpeg write nothing (a one-frame video): then the first frame is taken.
    /// </summary>
    public static async Task ThumbnailAsync(string mp4Path, double at, string jpegPath, CancellationToken ct)
    {
        string[] frame = ["-i", mp4Path, "-frames:v", "1", "-vf", $"scale={ThumbnailWidth}:-2", "-q:v", "4", "-y", jpegPath];
        await MediaTool.Ffmpeg.RunAsync(["-v", "error", "-ss", at.ToString("0.###", CultureInfo.InvariantCulture), .. frame], ct);
        if (!File.Exists(jpegPath) || new FileInfo(jpegPath).Length == 0)
        {
            await MediaTool.Ffmpeg.RunAsync(["-v", "error", .. frame], ct);
        }
    }
}
