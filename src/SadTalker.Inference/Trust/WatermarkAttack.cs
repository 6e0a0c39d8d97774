using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Trust;

/// <summary>
/// One transformation the watermark is specified to survive (issue #7), as an ffmpeg command: the robustness
/// benchmark and the tests run the same list.
/// </summary>
/// <param name="Name">Short id (delivered, h264-crf28, vp9-webm, scale-50, crop-10, first-3s).</param>
/// <param name="Extension">Output file extension.</param>
/// <param name="Arguments">ffmpeg arguments between the input and the output; empty = the file as delivered.</param>
public sealed record WatermarkAttack(string Name, string Extension, IReadOnlyList<string> Arguments)
{
    private static readonly string[] H264 = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"];

    /// <summary>The delivered file, then the five re-encodes of the target list.</summary>
    public static IReadOnlyList<WatermarkAttack> All { get; } =
    [
        new("delivered", ".mp4", []),
        new("h264-crf28", ".mp4", ["-c:v", "libx264", "-preset", "medium", "-crf", "28", "-pix_fmt", "yuv420p"]),
        new("vp9-webm", ".webm", ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "36", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-c:a", "libopus"]),
        new("scale-50", ".mp4", ["-vf", "scale=trunc(iw/4)*2:trunc(ih/4)*2:flags=bicubic", .. H264]),
        new("crop-10", ".mp4", ["-vf", "crop=trunc(iw*0.4)*2:trunc(ih*0.4)*2", .. H264]),
        new("first-3s", ".mp4", ["-t", "3", .. H264]),
    ];

    /// <summary>Applies the transformation to <paramref name="input"/>, writing <paramref name="output"/> (returns the input for "delivered").</summary>
    public async Task<string> ApplyAsync(string input, string output, CancellationToken cancellationToken)
    {
        if (Arguments.Count == 0)
        {
            return input;
        }

        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-y", "-i", "file:" + Path.GetFullPath(input), .. Arguments, "file:" + Path.GetFullPath(output)],
            cancellationToken).ConfigureAwait(false);
        return output;
    }
}
