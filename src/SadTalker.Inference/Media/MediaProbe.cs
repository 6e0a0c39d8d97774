using System.Globalization;
using System.Text.Json;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>Reads container and stream facts with <c>ffprobe -print_format json -show_format -show_streams</c>.</summary>
public static class MediaProbe
{
    /// <inheritdoc cref="ProbeAsync(string, MediaTool, CancellationToken)"/>
    public static Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken) =>
        ProbeAsync(path, MediaTool.Ffprobe, cancellationToken);

    /// <summary>Probes <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="MediaToolException">ffprobe cannot read the file; the message carries its stderr.</exception>
    public static async Task<MediaInfo> ProbeAsync(string path, MediaTool ffprobe, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ffprobe);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Media file not found: {fullPath}", fullPath);
        }

        var result = await ffprobe.RunAsync(
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "file:" + fullPath],
            cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(result.StandardOutput);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MediaToolException(
                $"Unexpected ffprobe output for {fullPath}: {ex.Message}", 0, result.StandardError, ex);
        }
    }

    /// <summary>Parses ffprobe's JSON (the -show_format -show_streams sections).</summary>
    internal static MediaInfo Parse(ReadOnlySpan<byte> json)
    {
        var document = JsonDocument.Parse(json.ToArray());
        using (document)
        {
            var root = document.RootElement;
            var format = root.GetProperty("format");
            var streams = new List<MediaStreamInfo>();
            if (root.TryGetProperty("streams", out var array))
            {
                foreach (var stream in array.EnumerateArray())
                {
                    streams.Add(ParseStream(stream));
                }
            }

            return new MediaInfo(
                String(format, "format_name") ?? string.Empty, Seconds(format, "duration"), streams);
        }
    }

    private static MediaStreamInfo ParseStream(JsonElement stream)
    {
        var kind = String(stream, "codec_type") switch
        {
            "video" => MediaStreamKind.Video,
            "audio" => MediaStreamKind.Audio,
            "subtitle" => MediaStreamKind.Subtitle,
            "data" => MediaStreamKind.Data,
            "attachment" => MediaStreamKind.Attachment,
            _ => MediaStreamKind.Unknown,
        };
        var video = kind == MediaStreamKind.Video;
        var audio = kind == MediaStreamKind.Audio;
        return new MediaStreamInfo(
            Index: stream.GetProperty("index").GetInt32(),
            Kind: kind,
            CodecName: String(stream, "codec_name") ?? string.Empty,
            Width: video ? Integer(stream, "width") : null,
            Height: video ? Integer(stream, "height") : null,
            FrameRate: video ? Rate(stream, "avg_frame_rate") ?? Rate(stream, "r_frame_rate") : null,
            PixelFormat: video ? String(stream, "pix_fmt") : null,
            SampleRate: audio ? Integer(stream, "sample_rate") : null,
            Channels: audio ? Integer(stream, "channels") : null,
            Duration: Seconds(stream, "duration"),
            FrameCount: Integer(stream, "nb_frames"))
        {
            Rotation = video ? RotationOf(stream) : 0,
        };
    }

    /// <summary>Display rotation in degrees: the display-matrix side data (ffmpeg 5+), else the legacy "rotate" tag.</summary>
    private static int RotationOf(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var rotation) && rotation.TryGetDouble(out var degrees))
                {
                    return (int)Math.Round(degrees);
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) && Integer(tags, "rotate") is { } rotate ? rotate : 0;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>ffprobe writes some integers as JSON numbers (width) and others as strings (sample_rate, nb_frames).</summary>
    private static int? Integer(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static TimeSpan? Seconds(JsonElement element, string name) =>
        double.TryParse(String(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>"25/1" → 25; "0/0" (unknown) → null.</summary>
    private static double? Rate(JsonElement element, string name)
    {
        var text = String(element, name);
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0)
        {
            return null;
        }

        return double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && num > 0 && den > 0
            ? num / den
            : null;
    }
}
