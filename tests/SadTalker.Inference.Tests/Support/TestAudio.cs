using System.Globalization;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Tests.Support;

/// <summary>Makes test audio with ffmpeg's lavfi sources (16 kHz mono PCM WAV).</summary>
internal static class TestAudio
{
    /// <summary>Digital silence of the given length.</summary>
    public static Task<string> SilenceAsync(string path, double seconds) => RunAsync(
        path, ["-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", Seconds(seconds)]);

    /// <summary><paramref name="seconds"/> of silence followed by the speech file.</summary>
    public static Task<string> SilenceThenAsync(string path, double seconds, string speech) => RunAsync(
        path,
        [
            "-f", "lavfi", "-t", Seconds(seconds), "-i", "anullsrc=r=16000:cl=mono", "-i", speech,
            "-filter_complex", "[1:a]aresample=16000,aformat=channel_layouts=mono[s];[0:a][s]concat=n=2:v=0:a=1",
        ]);

    private static async Task<string> RunAsync(string path, IEnumerable<string> input)
    {
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", .. input, "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-y", path],
            CancellationToken.None);
        return path;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
