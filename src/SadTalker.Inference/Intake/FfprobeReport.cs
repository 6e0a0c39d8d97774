using System.Globalization;
using System.Text.Json;

namespace SadTalker.Inference.Intake;

/// <summary>The parts of <c>ffprobe -show_format -show_streams -of json</c> that audio intake needs.</summary>
/// <param name="FormatName">Demuxer name(s), for example "mp3" or "mov,mp4,m4a,3gp,3g2,mj2".</param>
/// <param name="Duration">Container duration; null when ffprobe reports none.</param>
/// <param name="Audio">The first audio stream (what <c>-map 0:a:0</c> selects); null when there is none.</param>
/// <param name="HasVideo">Whether any video stream is present (cover art included).</param>
internal sealed record FfprobeReport(string FormatName, TimeSpan? Duration, FfprobeAudioStream? Audio, bool HasVideo)
{
    public static FfprobeReport Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;

        var formatName = string.Empty;
        TimeSpan? duration = null;
        if (root.TryGetProperty("format", out var format))
        {
            formatName = String(format, "format_name") ?? string.Empty;
            duration = Seconds(format, "duration");
        }

        FfprobeAudioStream? audio = null;
        var hasVideo = false;
        if (root.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array)
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = String(stream, "codec_type");
                hasVideo |= type == "video";
                if (type == "audio" && audio is null)
                {
                    audio = new FfprobeAudioStream(
                        String(stream, "codec_name") ?? "unknown",
                        int.TryParse(String(stream, "sample_rate"), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) ? rate : 0,
                        stream.TryGetProperty("channels", out var channels) && channels.TryGetInt32(out var count) ? count : 0,
                        Seconds(stream, "duration"));
                }
            }
        }

        return new FfprobeReport(formatName, duration ?? audio?.Duration, audio, hasVideo);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? Seconds(JsonElement element, string name) =>
        double.TryParse(String(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && double.IsFinite(seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
