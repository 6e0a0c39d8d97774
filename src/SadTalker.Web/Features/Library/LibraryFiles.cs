using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Library;

/// <summary>The downloadable variants of each item kind, with their content types and download names.</summary>
public static class LibraryFiles
{
    public sealed record File(string Sha256, string ContentType, string DownloadName);

    public static File? Select(ILibraryItem item, string variant) => item switch
    {
        Portrait p => variant switch
        {
            "original" => new(p.OriginalSha256, ImageType(p.OriginalFormat), p.OriginalFileName),
            "image" => new(p.ImageSha256, "image/png", Stem(p.OriginalFileName) + ".png"),
            "thumbnail" => new(p.ThumbnailSha256, "image/png", Stem(p.OriginalFileName) + "-thumbnail.png"),
            _ => null,
        },
        AudioClip a => variant switch
        {
            "original" => new(a.OriginalSha256, AudioType(a.Container, a.Codec), a.OriginalFileName),
            "playback" => new(a.PlaybackSha256, "audio/mp4", Stem(a.OriginalFileName) + ".m4a"),
            "pcm" => new(a.PcmSha256, "audio/wav", Stem(a.OriginalFileName) + "-16k.wav"),
            "waveform" => new(a.WaveformSha256, "image/png", Stem(a.OriginalFileName) + "-waveform.png"),
            _ => null,
        },
        _ => null,
    };

    private static string Stem(string fileName) => Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } s ? s : "file";

    private static string ImageType(string format) => format switch
    {
        "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        _ => "application/octet-stream",
    };

    private static string AudioType(string container, string codec) => container switch
    {
        var c when c.Contains("wav", StringComparison.Ordinal) => "audio/wav",
        var c when c.Contains("mp3", StringComparison.Ordinal) => "audio/mpeg",
        var c when c.Contains("flac", StringComparison.Ordinal) => "audio/flac",
        var c when c.Contains("ogg", StringComparison.Ordinal) => codec == "opus" ? "audio/ogg; codecs=opus" : "audio/ogg",
        var c when c.Contains("webm", StringComparison.Ordinal) || c.Contains("matroska", StringComparison.Ordinal) => "video/webm",
        var c when c.Contains("mp4", StringComparison.Ordinal) || c.Contains("mov", StringComparison.Ordinal) => "audio/mp4",
        _ => "application/octet-stream",
    };
}
