using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx;

/// <summary>Small reference videos made at test time with the real ffmpeg from the shared fixture images.</summary>
internal static class ReferenceClips
{
    /// <summary>Frames of <see cref="PanAsync"/>: 1.2 s at 25 fps.</summary>
    public const int PanFrames = 30;

    /// <summary>
    /// The astronaut portrait with a slow pan (a 448² window moving 40 px right and 20 px down over 1.2 s, H.264), so
    /// the face, and with it the 3DMM coefficients, shift from frame to frame.
    /// </summary>
    public static Task<string> PanAsync(TempDirectory directory) =>
        MakeAsync(directory, "astronaut.png", "pan.mp4", "crop=448:448:'floor(32*t)':'floor(16*t)'", 1.2);

    /// <summary>A 0.4 s clip of the coffee cup (no face).</summary>
    public static Task<string> NoFaceAsync(TempDirectory directory) =>
        MakeAsync(directory, "coffee.png", "coffee.mp4", "scale=320:212", 0.4);

    private static async Task<string> MakeAsync(TempDirectory directory, string image, string name, string filter, double seconds)
    {
        var path = directory.File(name);
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-loop", "1", "-framerate", "25", "-i", RepoPaths.Fixture(image), "-vf", filter + ",format=yuv420p",
             "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", path],
            CancellationToken.None);
        return path;
    }
}
