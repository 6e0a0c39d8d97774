using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Preprocess;

public sealed class FaceCropRuleTests
{
    private const int Columns = 8 + 4 + 8; // w, h, shrink, qsize, crop 4, inner 4, quad 8

    [Fact]
    public void Compute_MatchesNumpyReference_IntegersExactFloatsWithin1e9()
    {
        var (landmarks, _) = MotionReference.Float32("crop_landmarks");
        var sizes = MotionReference.Int32("crop_image_sizes");
        var expected = MotionReference.Float64("crop_expected");
        var cases = sizes.Length / 2;
        Assert.Equal(5, cases);

        for (var n = 0; n < cases; n++)
        {
            var crop = FaceCropRule.Compute(landmarks.AsSpan(n * 136, 136), sizes[2 * n], sizes[(2 * n) + 1]);
            var e = expected.AsSpan(n * Columns, Columns);
            Assert.Equal(((int)e[0], (int)e[1], (int)e[2]), (crop.ResizedWidth, crop.ResizedHeight, crop.Shrink));
            Assert.Equal(e[3], crop.QuadSize, 1e-9);
            Assert.Equal(((int)e[4], (int)e[5], (int)e[6], (int)e[7]), crop.Crop);
            Assert.Equal(e[8], crop.Inner.Left, 1e-9);
            Assert.Equal(e[9], crop.Inner.Top, 1e-9);
            Assert.Equal(e[10], crop.Inner.Right, 1e-9);
            Assert.Equal(e[11], crop.Inner.Bottom, 1e-9);
            for (var q = 0; q < 8; q++)
            {
                Assert.Equal(e[12 + q], crop.Quad[q], 1e-9);
            }
        }
    }

    [Fact]
    public void Compute_LargeFace_ShrinksByTwo_AndNarrowImage_ClampsBottomWithWidth()
    {
        var (landmarks, _) = MotionReference.Float32("crop_landmarks");
        var big = FaceCropRule.Compute(landmarks.AsSpan(3 * 136, 136), 3840, 2880);
        Assert.Equal((2, 1920, 1440), (big.Shrink, big.ResizedWidth, big.ResizedHeight));

        var narrow = landmarks.AsSpan(4 * 136, 136);
        var quirk = FaceCropRule.Compute(narrow, 300, 900);
        var fixedRule = FaceCropRule.Compute(narrow, 300, 900, clampBottomToHeight: true);
        Assert.Equal(300, quirk.Inner.Bottom);            // §2 quirk: ry clamped to W
        Assert.True(fixedRule.Inner.Bottom > 400, $"ry with the height clamp: {fixedRule.Inner.Bottom}");
        Assert.Equal(quirk.Crop, fixedRule.Crop);
    }

    [Fact]
    public void PasteRectangle_ExtUsesTheCrop_OthersTheInnerBoxOffsetByTheCrop()
    {
        var crop = new FaceCrop(640, 480, 0, 300, (40, 20, 500, 470), (30.7, 25.2, 330.9, 326.4), new double[8]);

        Assert.Equal((40, 20, 500, 470), crop.PasteRectangle(extended: true));
        Assert.Equal((70, 45, 370, 346), crop.PasteRectangle(extended: false));
        Assert.Equal((300, 301), crop.FaceSize);
    }

    [Fact]
    public void Compute_WrongLandmarkCount_Throws() =>
        Assert.Throws<ArgumentException>(() => FaceCropRule.Compute(new float[98 * 2], 100, 100));
}
