namespace SadTalker.Inference.Media;

/// <summary>What ffprobe reports about a media file (see <see cref="MediaProbe"/>).</summary>
/// <param name="FormatName">ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "wav", "png_pipe".</param>
/// <param name="Duration">Container duration; null for still images and streams without one.</param>
/// <param name="Streams">All streams in container order.</param>
public sealed record MediaInfo(string FormatName, TimeSpan? Duration, IReadOnlyList<MediaStreamInfo> Streams)
{
    /// <summary>The first video stream, or null.</summary>
    public MediaStreamInfo? Video => Streams.FirstOrDefault(s => s.Kind == MediaStreamKind.Video);

    /// <summary>The first audio stream, or null.</summary>
    public MediaStreamInfo? Audio => Streams.FirstOrDefault(s => s.Kind == MediaStreamKind.Audio);
}
