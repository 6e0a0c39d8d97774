using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Intake;

/// <summary>Makes test media with ffmpeg at test time, so no generated binaries are committed.</summary>
internal static class TestMedia
{
    public static async Task FfmpegAsync(params string[] arguments) =>
        await MediaTool.Ffmpeg.RunAsync(["-v", "error", "-nostdin", "-y", .. arguments], CancellationToken.None);

    /// <summary>Converts a shared fixture with extra ffmpeg output arguments and returns the new file's path.</summary>
    public static async Task<string> ConvertAsync(TempDirectory temp, string fixture, string name, params string[] outputArguments)
    {
        var path = temp.File(name);
        await FfmpegAsync(["-i", RepoPaths.Fixture(fixture), .. outputArguments, path]);
        return path;
    }

    /// <summary>The astronaut fixture passed through an ffmpeg filter graph, written as PNG.</summary>
    public static Task<string> AstronautAsync(TempDirectory temp, string name, string filter) =>
        ConvertAsync(temp, "astronaut.png", name, "-vf", filter, "-frames:v", "1");

    /// <summary>Decodes any image with ffmpeg, for comparing outputs.</summary>
    public static Task<RgbImage> DecodeAsync(string path) => FfmpegImageDecoder.DecodeAsync(path, CancellationToken.None);

    /// <summary>Decodes an image through an ffmpeg filter, converting to RGB first so the filter works on RGB pixels.</summary>
    public static async Task<byte[]> DecodeFilteredAsync(string path, string filter)
    {
        var result = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-i", path, "-vf", "format=rgb24," + filter, "-frames:v", "1",
             "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
            CancellationToken.None);
        return result.StandardOutput;
    }

    /// <summary>ffprobe's one-line answer for the given entries (csv, no keys).</summary>
    public static async Task<string> ProbeAsync(string path, string entries)
    {
        var result = await MediaTool.Ffprobe.RunAsync(
            ["-v", "error", "-show_entries", entries, "-of", "csv=p=0", path], CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(result.StandardOutput).Trim();
    }

    /// <summary>Asserts the directory holds no files at all (a refused upload stores nothing).</summary>
    public static void AssertEmpty(string directory)
    {
        var left = Directory.Exists(directory) ? Directory.GetFileSystemEntries(directory) : [];
        Assert.True(left.Length == 0, $"files left behind: {string.Join(", ", left.Select(Path.GetFileName))}");
    }
}
