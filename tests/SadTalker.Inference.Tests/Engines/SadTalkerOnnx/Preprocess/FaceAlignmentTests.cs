using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Preprocess;

public sealed class FaceAlignmentTests
{
    [Fact]
    public void Fit_MatchesNumpyLstsq_ParamsWithin1e9_PixelsExact()
    {
        var (landmarks, _) = MotionReference.Float32("align_landmarks");
        var expected = MotionReference.Float64("align_expected"); // W, H, s', tx, ty, w, h, left, up
        const int columns = 9;
        var cases = expected.Length / columns;
        Assert.Equal(5, cases);

        for (var n = 0; n < cases; n++)
        {
            var e = expected.AsSpan(n * columns, columns);
            var fit = FaceAlignment.Fit(landmarks.AsSpan(n * 136, 136), (int)e[0], (int)e[1]);
            Assert.Equal(e[2], fit.Scale, 1e-9);
            Assert.Equal(e[3], fit.TranslationX, 1e-9);
            Assert.Equal(e[4], fit.TranslationY, 1e-9);
            Assert.Equal(((int)e[5], (int)e[6], (int)e[7], (int)e[8]), (fit.ResizedWidth, fit.ResizedHeight, fit.Left, fit.Up));
        }
    }

    [Fact]
    public void Fit_TargetsThemselves_GiveScale102OverUnitAndCentredWindow()
    {
        // Landmarks placed exactly at the 3-D targets' (x, y) scaled by 100 around (128, 128): s = 100, s' = 1.02.
        var landmarks = new float[136];
        (int Index, double X, double Y)[] five = [(36, -0.311487, 0.290361), (39, -0.311487, 0.290361), (42, 0.309799, 0.289720),
            (45, 0.309799, 0.289720), (30, 0.003253, -0.046179), (48, -0.252169, -0.381339), (54, 0.248466, -0.381282)];
        foreach (var (i, x, y) in five)
        {
            landmarks[2 * i] = (float)(128 + (100 * x));
            landmarks[(2 * i) + 1] = (float)(255 - (128 + (100 * y)));
        }

        var fit = FaceAlignment.Fit(landmarks, 256, 256);

        Assert.Equal(1.02, fit.Scale, 1e-3);
        Assert.Equal(128, fit.TranslationX, 0.05);
        Assert.Equal(128, fit.TranslationY, 0.05);
    }
}
