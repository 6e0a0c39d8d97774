using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Preprocess;

/// <summary>The enhancer's FFHQ alignment against enhancer_reference.py (OpenCV estimateAffinePartial2D / warpAffine, numpy lstsq).</summary>
public sealed class FfhqAlignmentTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_NoiseFreePoints_TrueSimilarityWithin1e9_OpenCvLmedsWithin1e4()
    {
        var points = MotionReference.Float64("ffhq_points_exact");
        var fit = FfhqAlignment.Fit(points);

        // OpenCV's LMEDS result ends with a Levenberg-Marquardt refinement that stops ~2e-5 from the exact answer
        // (enhancer_reference.py prints it), so it is compared more loosely than the known similarity itself.
        AssertMatrix(MotionReference.Float64("ffhq_matrix_true"), fit, 1e-9);
        AssertMatrix(MotionReference.Float64("ffhq_matrix_exact"), fit, 1e-4);
    }

    [Fact]
    public void Fit_NoisyPoints_MatchesNumpyLeastSquaresWithin1e9()
    {
        var fit = FfhqAlignment.Fit(MotionReference.Float64("ffhq_points_noisy"));

        AssertMatrix(MotionReference.Float64("ffhq_matrix_noisy"), fit, 1e-9);
        Assert.Equal(fit.M00, fit.M11, 1e-12); // a similarity: [[a, -b], [b, a]]
        Assert.Equal(fit.M01, -fit.M10, 1e-12);
    }

    [Fact]
    public async Task Warp_MatchesOpenCvWarpAffine_MeanAbsDiffUnder0_25Levels_GreyBorderAlmostEverywhere()
    {
        var photo = await Golden("poisson_destination.png");
        var opencv = await Golden("ffhq_warp_opencv.png");
        var m = MotionReference.Float64("ffhq_matrix_exact");
        var half = new Affine2D(m[0] / 2, m[1] / 2, m[2] / 2, m[3] / 2, m[4] / 2, m[5] / 2);
        var ours = new byte[256 * 256 * 3];

        AffineWarp.Bilinear(photo.Pixels, photo.Width, photo.Height, ours, 256, 256, half.Invert(), FfhqAlignment.Border);

        var diffs = ours.Zip(opencv.Pixels, (a, b) => Math.Abs(a - b)).ToArray();
        var mad = diffs.Average();
        output.WriteLine($"MAD {mad:0.0000} levels, max {diffs.Max()}, >1 level: {diffs.Count(d => d > 1)} of {diffs.Length}");
        // OpenCV quantises positions to 1/32 px and weights to 15 bits; exact positions differ by a fraction of a level
        // (measured MAD 0.103, the largest differences on the photo's sharp edges and along the image border).
        Assert.True(mad < 0.25, $"MAD {mad} levels (OpenCV 1/32-px fixed point vs exact doubles), expected < 0.25");
        var grey = Enumerable.Range(0, 256 * 256).Where(i => opencv.Pixels.AsSpan(i * 3, 3).SequenceEqual(FfhqAlignment.Border)).ToList();
        var ourGrey = grey.Count(i => ours.AsSpan(i * 3, 3).SequenceEqual(FfhqAlignment.Border));
        Assert.True(grey.Count > 1000, $"the fixture shows the border ({grey.Count} px)");
        // A pixel whose sample lands within 1/64 px of the image edge can fall either side after OpenCV's rounding (4 did).
        Assert.True(grey.Count - ourGrey <= grey.Count / 1000, $"{ourGrey} of OpenCV's {grey.Count} border pixels are the grey border here");
    }

    [Fact]
    public void FivePoints_UseAlignImgIndices()
    {
        var landmarks = new float[136];
        for (var i = 0; i < 68; i++)
        {
            (landmarks[2 * i], landmarks[(2 * i) + 1]) = (i, 1000 + i);
        }

        var five = new double[10];
        FfhqAlignment.FivePoints(landmarks, five);

        Assert.Equal([37.5, 1037.5, 43.5, 1043.5, 30, 1030, 48, 1048, 54, 1054], five);
    }

    [Fact]
    public void Fit_TemplateItself_IsIdentity()
    {
        var fit = FfhqAlignment.Fit(FfhqAlignment.Template);

        AssertMatrix([1, 0, 0, 0, 1, 0], fit, 1e-9);
    }

    private static void AssertMatrix(double[] expected, Affine2D actual, double tolerance)
    {
        double[] values = [actual.M00, actual.M01, actual.M02, actual.M10, actual.M11, actual.M12];
        for (var i = 0; i < 6; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"M[{i / 3},{i % 3}] = {values[i]}, expected {expected[i]} ± {tolerance}");
        }
    }

    private static Task<RgbImage> Golden(string name) => FfmpegImageDecoder.DecodeAsync(
        Path.Combine(RepoPaths.RepoRoot, "tests", "SadTalker.Inference.Tests", "Engines", "SadTalkerOnnx", "Golden", name), CancellationToken.None);
}
