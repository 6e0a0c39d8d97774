using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Imaging;

public sealed class PoissonCloneTests
{
    // The rectangle poisson_reference.py pastes: (70, 40), 120 x 140.
    private const int Left = 70;
    private const int Top = 40;

    [Fact]
    public async Task NormalClone_MatchesOpenCvSeamlessClone_MeanAbsDiffBelow002Levels()
    {
        var image = await Decode("poisson_destination.png");
        var patch = await Decode("poisson_patch.png");
        var opencv = await Decode("poisson_opencv.png");
        var original = (byte[])image.Pixels.Clone();

        PoissonClone.NormalClone(image, patch, Left, Top);

        // Over the pasted rectangle: OpenCV solves with a float FFT-based DST; ours is a direct DST-x/Thomas-y solve of the
        // same equations, so only float rounding differs (0.004 levels measured; 0.40 with CloneRounding.Nearest).
        double sum = 0;
        var max = 0;
        var count = 0;
        for (var y = Top; y < Top + patch.Height; y++)
        {
            for (var x = Left * 3; x < (Left + patch.Width) * 3; x++)
            {
                var d = Math.Abs(image.Pixels[(y * image.Stride) + x] - opencv.Pixels[(y * image.Stride) + x]);
                sum += d;
                max = Math.Max(max, d);
                count++;
            }
        }

        var mad = sum / count;
        Assert.True(mad < 0.02, $"mean |ours - OpenCV| = {mad:F3} levels (max {max}) over the rectangle; expected < 0.02");
        Assert.True(max <= 1, $"max |ours - OpenCV| = {max} levels");

        // Outside the ROI interior nothing changes; inside, the blend is not the raw patch (it adapts the colours).
        Assert.Equal(original.AsSpan(0, (Top + 2) * image.Stride).ToArray(), image.Pixels.AsSpan(0, (Top + 2) * image.Stride).ToArray());
        var centre = ((Top + 70) * image.Stride) + ((Left + 60) * 3);
        Assert.NotEqual(patch.Pixels[(70 * patch.Stride) + (60 * 3)], image.Pixels[centre]);
        Console.WriteLine($"Poisson clone vs OpenCV: MAD {mad:F3}, max {max}");
    }

    [Fact]
    public async Task NormalClone_NearestRounding_IsHalfALevelAboveOpenCvOnAverage()
    {
        var image = await Decode("poisson_destination.png");
        var patch = await Decode("poisson_patch.png");
        var opencv = await Decode("poisson_opencv.png");

        PoissonClone.NormalClone(image, patch, Left, Top, CloneRounding.Nearest);

        double signed = 0;
        for (var y = Top + 2; y < Top + patch.Height - 2; y++)
        {
            for (var x = (Left + 2) * 3; x < (Left + patch.Width - 2) * 3; x++)
            {
                signed += image.Pixels[(y * image.Stride) + x] - opencv.Pixels[(y * image.Stride) + x];
            }
        }

        var mean = signed / ((patch.Height - 4) * (patch.Width - 4) * 3);
        Assert.InRange(mean, 0.3, 0.7); // OpenCV truncates: rounding instead lifts about half the pixels by one level
    }

    [Fact]
    public void NormalClone_PatchEqualToTheImage_LeavesItUnchanged()
    {
        var image = new RgbImage(64, 48);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)((i * 7) % 251);
        }

        var patch = new RgbImage(30, 20);
        for (var y = 0; y < 20; y++)
        {
            image.Pixels.AsSpan(((10 + y) * image.Stride) + (15 * 3), 30 * 3).CopyTo(patch.GetRow(y));
        }

        var before = (byte[])image.Pixels.Clone();
        PoissonClone.NormalClone(image, patch, 15, 10, CloneRounding.Nearest);

        Assert.Equal(before, image.Pixels); // same guidance and boundary: the solution is the image itself
    }

    [Fact]
    public void NormalClone_ConstantOffsetPatch_IsAbsorbedCompletely()
    {
        // Source = destination + 40: the gradients are equal, so Poisson blending removes the offset everywhere.
        var image = new RgbImage(80, 80);
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < 80 * 3; x++)
            {
                image.Pixels[(y * image.Stride) + x] = (byte)(60 + ((x / 3) + y));
            }
        }

        var patch = new RgbImage(40, 40);
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 40 * 3; x++)
            {
                patch.Pixels[(y * patch.Stride) + x] = (byte)(image.Pixels[((20 + y) * image.Stride) + (20 * 3) + x] + 40);
            }
        }

        var before = (byte[])image.Pixels.Clone();
        PoissonClone.NormalClone(image, patch, 20, 20, CloneRounding.Nearest);

        Assert.Equal(before, image.Pixels);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(35, 10)]
    public void NormalClone_RectangleTouchingTheEdge_IsRefusedClearly(int left, int top)
    {
        var ex = Assert.Throws<ArgumentException>(() => PoissonClone.NormalClone(new RgbImage(64, 48), new RgbImage(29, 20), left, top));
        Assert.Contains("must keep one pixel", ex.Message, StringComparison.Ordinal);
    }

    private static Task<RgbImage> Decode(string name) => FfmpegImageDecoder.DecodeAsync(
        Path.Combine(RepoPaths.RepoRoot, "tests", "SadTalker.Inference.Tests", "Engines", "SadTalkerOnnx", "Golden", name), CancellationToken.None);
}
