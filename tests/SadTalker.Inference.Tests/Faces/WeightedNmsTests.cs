using SadTalker.Inference.Faces;

namespace SadTalker.Inference.Tests.Faces;

public sealed class WeightedNmsTests
{
    [Fact]
    public void Apply_MergesOverlapsByScoreWeight_AndKeepsSeparateFaces()
    {
        var strong = Detection(0, 0, 10, 10, 0.9f, keypointX: 1);
        var weakOverlap = Detection(1, 1, 10, 10, 0.6f, keypointX: 6); // IoU 81/119 = 0.68
        var elsewhere = Detection(50, 50, 10, 10, 0.7f, keypointX: 55);

        var result = WeightedNms.Apply([weakOverlap, elsewhere, strong], iouThreshold: 0.3f);

        Assert.Equal(2, result.Count);
        var merged = result[0];
        Assert.Equal(0.9f, merged.Score);
        // Corners: left = (0.9*0 + 0.6*1)/1.5 = 0.4; right = (0.9*10 + 0.6*11)/1.5 = 10.4.
        Assert.Equal(0.4f, merged.Box.X, 4);
        Assert.Equal(0.4f, merged.Box.Y, 4);
        Assert.Equal(10f, merged.Box.Width, 4);
        Assert.Equal(3f, merged.Keypoints[0].X, 4); // (0.9*1 + 0.6*6)/1.5
        Assert.Same(elsewhere, result[1]);
    }

    [Fact]
    public void Apply_BelowThreshold_KeepsBoth()
    {
        var a = Detection(0, 0, 10, 10, 0.8f, keypointX: 0);
        var b = Detection(6, 0, 10, 10, 0.9f, keypointX: 0); // IoU 40/160 = 0.25

        var result = WeightedNms.Apply([a, b], iouThreshold: 0.3f);

        Assert.Equal([b, a], result);
    }

    [Fact]
    public void Apply_Empty_ReturnsEmpty() => Assert.Empty(WeightedNms.Apply([], 0.3f));

    [Fact]
    public void IntersectionOverUnion_KnownValues()
    {
        var box = new FaceBox(0, 0, 10, 10);

        Assert.Equal(1f, box.IntersectionOverUnion(box));
        Assert.Equal(0f, box.IntersectionOverUnion(new FaceBox(20, 20, 5, 5)));
        Assert.Equal(50f / 150f, box.IntersectionOverUnion(new FaceBox(5, 0, 10, 10)), 5);
        Assert.Equal(0f, new FaceBox(0, 0, 0, 0).IntersectionOverUnion(new FaceBox(0, 0, 0, 0)));
    }

    private static FaceDetection Detection(float x, float y, float w, float h, float score, float keypointX) =>
        new(new FaceBox(x, y, w, h), score, [.. Enumerable.Repeat(new FacePoint(keypointX, 0), 6)]);
}
