using System.Globalization;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>Encodes an RGB24 buffer as PNG with ffmpeg: raw frames in through stdin, the PNG file out through stdout.</summary>
internal static class RgbPngEncoder
{
    public static async Task<byte[]> EncodeAsync(RgbImage image, MediaTool ffmpeg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var size = string.Create(CultureInfo.InvariantCulture, $"{image.Width}x{image.Height}");
        var result = await ffmpeg.RunAsync(
                ["-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", size, "-i", "pipe:0",
             "-frames:v", "1", "-c:v", "png", "-f", "image2pipe", "pipe:1"],
            image.Pixels,
            cancellationToken).ConfigureAwait(false);
        if (result.StandardOutput.Length == 0)
        {
            throw new MediaToolException("ffmpeg wrote no PNG data.", 0, result.StandardError);
        }

        return result.StandardOutput;
    }
}
