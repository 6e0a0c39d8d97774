using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>
/// Streams the frames of the first video stream of a file as RGB24 at the video's own timing: every decoded frame once,
/// none duplicated or dropped (<c>-fps_mode passthrough</c>), as OpenCV's VideoCapture reads them for SadTalker's
/// reference videos (sadtalker-facts.md §1 stage 2). Rotation metadata is applied by ffmpeg (its default).
/// </summary>
public static class VideoFrameDecoder
{
    /// <inheritdoc cref="Open(string, int, int, MediaTool)"/>
    public static VideoFrameReader Open(string path, int width, int height) => Open(path, width, height, MediaTool.Ffmpeg);

    /// <summary>Starts ffmpeg; the caller gives the displayed frame size (from <see cref="MediaProbe"/>). Dispose the reader to stop it.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="MediaToolException">ffmpeg could not be started.</exception>
    public static VideoFrameReader Open(string path, int width, int height, MediaTool ffmpeg)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ffmpeg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Video file not found: {fullPath}", fullPath);
        }

        string[] arguments =
        [
            "-v", "error", "-nostdin",
            // The file: prefix keeps names containing ':' from being read as another ffmpeg protocol.
            "-i", "file:" + fullPath,
            "-map", "0:v:0", "-an", "-sn",
            "-fps_mode", "passthrough",
            // The size the caller expects, so a stream whose size changes mid-file still yields whole frames.
            "-vf", $"scale={width}:{height}",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-",
        ];
        return new VideoFrameReader(MediaProcess.Start(ffmpeg, arguments, keepInput: false), fullPath, width, height);
    }
}
