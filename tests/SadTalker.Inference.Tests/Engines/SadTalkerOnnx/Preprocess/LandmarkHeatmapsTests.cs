using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Preprocess;

/// <summary>The 98-point heatmap decode and the 98 → 68 mapping against landmarks_reference.py (numpy, written from §2).</summary>
public sealed class LandmarkHeatmapsTests
{
    private const int Points = 98;

    [Fact]
    public void Decode_MatchesNumpyReference_IncludingEdgePeaks_Within1e4Pixels()
    {
        var (sparse, shape) = MotionReference.Float32("landmarks_heatmap_sparse");
        var boxes = MotionReference.Float64("landmarks_boxes");
        var expected = MotionReference.Float64("landmarks_decoded");
        var cases = boxes.Length / 4;
        Assert.Equal(4, cases);
        var maps = new float[cases * Points * LandmarkHeatmaps.Plane];
        for (var r = 0; r < shape[0]; r++)
        {
            var (c, n, i, v) = ((int)sparse[4 * r], (int)sparse[(4 * r) + 1], (int)sparse[(4 * r) + 2], sparse[(4 * r) + 3]);
            maps[(((c * Points) + n) * LandmarkHeatmaps.Plane) + i] = v;
        }

        var decoded = new float[2 * Points];
        for (var c = 0; c < cases; c++)
        {
            var map = maps.AsSpan(c * Points * LandmarkHeatmaps.Plane, Points * LandmarkHeatmaps.Plane);
            LandmarkHeatmaps.Decode(map, boxes[4 * c], boxes[(4 * c) + 1], boxes[(4 * c) + 2], boxes[(4 * c) + 3], decoded);
            for (var k = 0; k < 2 * Points; k++)
            {
                var e = expected[(c * 2 * Points) + k];
                Assert.True(Math.Abs(e - decoded[k]) <= 1e-4, $"case {c}, point {k / 2} {(k % 2 == 0 ? "x" : "y")}: {decoded[k]} vs numpy {e} (tolerance 1e-4 px)");
            }
        }
    }

    [Fact]
    public void Decode_InteriorPeak_StepsAQuarterCellTowardTheLargerNeighbour()
    {
        var map = new float[LandmarkHeatmaps.Plane];
        var peak = (10 * LandmarkHeatmaps.Side) + 20;
        (map[peak], map[peak + 1], map[peak - 1], map[peak + 64], map[peak - 64]) = (9, 2, 1, 1, 3);
        var point = new float[2];

        LandmarkHeatmaps.Decode(map, 100, 50, 128, 64, point);

        Assert.Equal(((20 + 0.25 + 0.5) * 2) + 100, point[0], 1e-5);  // right neighbour larger: +0.25
        Assert.Equal(10 - 0.25 + 0.5 + 50, point[1], 1e-5);            // upper neighbour larger: −0.25
    }

    [Fact]
    public void To68_MatchesNumpyReference_Within1e4()
    {
        var (wflw, _) = MotionReference.Float32("landmarks_98_points");
        var (expected, _) = MotionReference.Float32("landmarks_68_points");
        var points = new float[136];

        LandmarkHeatmaps.To68(wflw, points);

        for (var k = 0; k < 136; k++)
        {
            Assert.True(Math.Abs(expected[k] - points[k]) <= 1e-4, $"point {k / 2}: {points[k]} vs numpy {expected[k]} (tolerance 1e-4 px)");
        }

        Assert.Equal((wflw[2 * 54], wflw[(2 * 54) + 1]), (points[2 * 30], points[(2 * 30) + 1])); // nose tip 30 = WFLW 54
        Assert.Equal((wflw[2 * 76], wflw[(2 * 82) + 1]), (points[2 * 48], points[(2 * 54) + 1])); // mouth corners
    }
}
