using System.Text.RegularExpressions;

namespace SadTalker.Inference.Intake;

/// <summary>Boils ffmpeg's stderr down to a short reason that is safe to show to the uploader.</summary>
internal static partial class FfmpegErrorSummary
{
    private const int MaxLength = 200;

    /// <summary>
    /// Drops the "[decoder @ 0x55d0...]" prefixes, replaces <paramref name="path"/> (when given) with "the file",
    /// removes duplicate lines and keeps the first two, so no server path or pointer value reaches the message.
    /// </summary>
    public static string Summarize(string standardError, string? path = null)
    {
        var lines = new List<string>();
        foreach (var raw in standardError.Split('\n'))
        {
            var line = ContextPrefix().Replace(raw, string.Empty).Trim();
            if (path is not null)
            {
                line = line.Replace("file:" + path, "the file", StringComparison.Ordinal)
                    .Replace(path, "the file", StringComparison.Ordinal);
            }

            if (line.Length > 0 && !lines.Contains(line, StringComparer.Ordinal))
            {
                lines.Add(line);
            }

            if (lines.Count == 2)
            {
                break;
            }
        }

        var summary = lines.Count == 0 ? "no details given" : string.Join("; ", lines);
        return summary.Length <= MaxLength ? summary : summary[..MaxLength] + "...";
    }

    [GeneratedRegex(@"\[[^\]]*@ 0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();
}
