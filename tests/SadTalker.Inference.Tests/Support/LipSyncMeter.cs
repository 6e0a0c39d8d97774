using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Tests.Support;

/// <summary>
/// Measures mouth movement in an encoded video: ffmpeg converts to gray and crops the mouth box (in that order: yuv420p crops snap to even offsets), and for every
/// frame t this computes the mean absolute difference inside the box to the previous frame (motion) and to a
/// reference frame with the mouth closed (opening). Compared with the audio loudness envelope by Pearson correlation.
/// </summary>
/// <remarks>
/// Engine-agnostic: it sees only the MP4 and a box, so the SadTalker engine can be held to the same check. The gray
/// patches of a test clip are small (a 45×35 box is 1.6 KB a frame), so they are decoded in one go.
/// </remarks>
internal static class LipSyncMeter
{
    /// <summary>Per-frame motion and opening inside <paramref name="box"/>.</summary>
    /// <param name="referenceFrame">Frame whose mouth counts as closed (e.g. the quietest one).</param>
    public static async Task<(double[] Motion, double[] Opening)> MeasureAsync(string video, PixelRect box, int referenceFrame)
    {
        var result = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-i", video, "-vf", $"format=gray,crop={box.Width}:{box.Height}:{box.X}:{box.Y}",
             "-f", "rawvideo", "-pix_fmt", "gray", "-"],
            CancellationToken.None);
        var pixels = result.StandardOutput;
        var size = box.Width * box.Height;
        var frames = pixels.Length / size;
        ReadOnlySpan<byte> Patch(int i) => pixels.AsSpan(i * size, size);

        var motion = new double[frames];
        var opening = new double[frames];
        for (var i = 0; i < frames; i++)
        {
            motion[i] = i == 0 ? 0 : FrameCapture.MeanAbsoluteDifference(Patch(i), Patch(i - 1));
            opening[i] = FrameCapture.MeanAbsoluteDifference(Patch(i), Patch(referenceFrame));
        }

        return (motion, opening);
    }

    /// <summary>Pearson correlation of two equally long series.</summary>
    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Assert.Equal(a.Count, b.Count);
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
