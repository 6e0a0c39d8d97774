namespace SadTalker.Inference.Media;

/// <summary>ffprobe's <c>codec_type</c> of a stream.</summary>
public enum MediaStreamKind
{
    Unknown,
    Video,
    Audio,
    Subtitle,
    Data,
    Attachment,
}
