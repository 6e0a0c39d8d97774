namespace SadTalker.Inference.Media;

/// <summary>One stream of a probed file; fields a stream kind does not have are null.</summary>
/// <param name="Index">Stream index in the container.</param>
/// <param name="Kind">Video, audio, ...</param>
/// <param name="CodecName">ffmpeg's codec name: h264, aac, png, pcm_s16le, mp3, ...</param>
/// <param name="Width">Video width in pixels.</param>
/// <param name="Height">Video height in pixels.</param>
/// <param name="FrameRate">Average frame rate (ffprobe avg_frame_rate, or r_frame_rate when that is 0/0).</param>
/// <param name="PixelFormat">Video pixel format: yuv420p, rgb24, ...</param>
/// <param name="SampleRate">Audio sample rate in Hz.</param>
/// <param name="Channels">Audio channel count.</param>
/// <param name="Duration">Stream duration, when the container states it.</param>
/// <param name="FrameCount">Number of frames (video) or packets (audio), when the container states it.</param>
public sealed record MediaStreamInfo(
    int Index,
    MediaStreamKind Kind,
    string CodecName,
    int? Width,
    int? Height,
    double? FrameRate,
    string? PixelFormat,
    int? SampleRate,
    int? Channels,
    TimeSpan? Duration,
    long? FrameCount)
{
    /// <summary>Video display rotation in degrees (display matrix or rotate tag); ffmpeg applies it when decoding.</summary>
    public int Rotation { get; init; }

    /// <summary>The size decoded frames have once the rotation is applied (width and height swap at ±90°/270°).</summary>
    public (int Width, int Height)? DisplaySize => (Width, Height) is (int w, int h)
        ? Math.Abs(Rotation % 180) == 90 ? (h, w) : (w, h)
        : null;
}
