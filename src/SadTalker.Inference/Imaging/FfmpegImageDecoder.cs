using System.Globalization;
using System.Text;

namespace SadTalker.Inference.Imaging;

/// <summary>
/// Decodes any still image ffmpeg understands (PNG, JPEG, WebP, BMP, ...) into an <see cref="RgbImage"/>:
/// ffprobe reads the size, ffmpeg pipes one raw RGB24 frame to stdout. No temporary files.
/// </summary>
/// <remarks>
/// ffmpeg does not apply EXIF orientation to still images, and alpha is dropped (not composited).
/// Animated formats yield their first frame.
/// </remarks>
public static class FfmpegImageDecoder
{
    public static Task<RgbImage> DecodeAsync(string path, CancellationToken cancellationToken) =>
        DecodeAsync(path, MediaTool.Ffprobe, MediaTool.Ffmpeg, cancellationToken);

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="MediaToolException">The file is not a decodable image; the message carries ffmpeg's stderr.</exception>
    public static async Task<RgbImage> DecodeAsync(
        string path, MediaTool ffprobe, MediaTool ffmpeg, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ffprobe);
        ArgumentNullException.ThrowIfNull(ffmpeg);

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Image not found: {fullPath}", fullPath);
        }

        // The file: prefix keeps names containing ':' from being read as another ffmpeg protocol.
        var input = "file:" + fullPath;

        var probe = await ffprobe.RunAsync(
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", input],
            cancellationToken).ConfigureAwait(false);
        var (width, height) = ParseSize(probe, fullPath);

        var decoded = await ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-i", input, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
            cancellationToken).ConfigureAwait(false);

        var expected = (long)width * height * RgbImage.Channels;
        if (decoded.StandardOutput.LongLength != expected)
        {
            throw new MediaToolException(
                $"ffmpeg produced {decoded.StandardOutput.LongLength} bytes for {fullPath}, expected {expected} " +
                $"({width}x{height} RGB24). {decoded.StandardError.Trim()}",
                0,
                decoded.StandardError);
        }

        return new RgbImage(width, height, decoded.StandardOutput);
    }

    private static (int Width, int Height) ParseSize(MediaToolResult probe, string path)
    {
        var text = Encoding.UTF8.GetString(probe.StandardOutput).Trim();
        var firstLine = text.Split('\n', 2)[0];
        var parts = firstLine.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0)
        {
            return (width, height);
        }

        throw new MediaToolException(
            $"ffprobe found no image stream in {path} (output: '{text}'). {probe.StandardError.Trim()}",
            0,
            probe.StandardError);
    }
}
