namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// AWing FAN heatmaps → points, and WFLW 98 → iBUG 68 (sadtalker-facts.md §2; the reference decode is facexlib's
/// <c>calculate_points</c> and <c>landmark_98_to_68</c>, xinntao/facexlib facexlib/alignment/awing_arch.py and
/// facexlib/alignment/__init__.py, restated here, not copied).
/// </summary>
/// <remarks>
/// Per point n, with h the flat 64·64 heatmap of n and i = argmax h (first maximum):
/// <code>
/// x = i mod 64 + 0.25·sign(h[i+1] − h[i−1]) + 0.5,   y = ⌊i/64⌋ + 0.25·sign(h[i+64] − h[i−64]) + 0.5
/// point = (x·W/64 + left, y·H/64 + top)    (W, H, left, top: the face box the heatmaps were computed on)
/// </code>
/// Edge rules reproduced from the reference (§12 spirit: keep its behaviour, say so): x neighbours are flat-index
/// neighbours, so they wrap across rows, and i = 0 takes h[4095] as its left neighbour (numpy's index −1). If any
/// point of the face has i + 64 ≥ 4096, every point uses h[4095] as its lower neighbour; if any has i − 64 ≤ 0, every
/// point uses h[0] as its upper neighbour (the reference tests the whole batch). The one case the reference cannot
/// run (i = 4095: index 4096 raises) uses h[4095] itself as the right neighbour. REVIEW: only peaks on the map
/// border (a point on the face box edge) are affected.
/// </remarks>
public static class LandmarkHeatmaps
{
    /// <summary>Heatmap side (64×64 for the 256² FAN input).</summary>
    public const int Side = 64;

    /// <summary>Values per heatmap.</summary>
    public const int Plane = Side * Side;

    /// <summary>For each of the 68 iBUG points, the two WFLW points it averages (the same twice for a copy).</summary>
    private static readonly (int A, int B)[] Wflw98To68 = BuildMap();

    /// <summary>
    /// Decodes <c>heatmaps.Length / 4096</c> points into <paramref name="destination"/> (x0, y0, x1, y1, ...).
    /// </summary>
    public static void Decode(ReadOnlySpan<float> heatmaps, double left, double top, double width, double height, Span<float> destination)
    {
        if (heatmaps.Length == 0 || heatmaps.Length % Plane != 0)
        {
            throw new ArgumentException($"Heatmaps must be whole {Side}x{Side} planes; got {heatmaps.Length} values.", nameof(heatmaps));
        }

        var points = heatmaps.Length / Plane;
        if (destination.Length < 2 * points)
        {
            throw new ArgumentException($"Destination needs {2 * points} values.", nameof(destination));
        }

        Span<int> peaks = points <= 256 ? stackalloc int[points] : new int[points];
        var anyBottom = false;
        var anyTop = false;
        for (var n = 0; n < points; n++)
        {
            peaks[n] = ArgMax(heatmaps.Slice(n * Plane, Plane));
            anyBottom |= peaks[n] + Side >= Plane;
            anyTop |= peaks[n] - Side <= 0;
        }

        for (var n = 0; n < points; n++)
        {
            var h = heatmaps.Slice(n * Plane, Plane);
            var i = peaks[n];
            var right = h[Math.Min(i + 1, Plane - 1)];
            var leftValue = h[i == 0 ? Plane - 1 : i - 1];
            var below = anyBottom ? h[Plane - 1] : h[i + Side];
            var above = anyTop ? h[0] : h[i - Side];
            var x = (i % Side) + (0.25 * Math.Sign(right - leftValue)) + 0.5;
            var y = (i / Side) + (0.25 * Math.Sign(below - above)) + 0.5;
            destination[2 * n] = (float)((x * width / Side) + left);
            destination[(2 * n) + 1] = (float)((y * height / Side) + top);
        }
    }

    /// <summary>
    /// The 68 iBUG points from the 98 WFLW points (x, y pairs): each 68-point index takes one WFLW point or the mean
    /// of two (<see cref="Wflw98To68"/>): contour = even points 0..32, eyebrows = 33 / averages of the upper and lower
    /// brow rows, nose = 51–59, eyes = 60,61,63,64,65,67 and 68,69,71,72,73,75, mouth = 76–95.
    /// </summary>
    public static void To68(ReadOnlySpan<float> wflw98, Span<float> destination)
    {
        if (wflw98.Length != 196 || destination.Length != 136)
        {
            throw new ArgumentException($"Expected 98 points in (196 values) and 68 out (136); got {wflw98.Length} and {destination.Length}.");
        }

        for (var k = 0; k < 68; k++)
        {
            var (a, b) = Wflw98To68[k];
            destination[2 * k] = (wflw98[2 * a] + wflw98[2 * b]) / 2;
            destination[(2 * k) + 1] = (wflw98[(2 * a) + 1] + wflw98[(2 * b) + 1]) / 2;
        }
    }

    private static (int A, int B)[] BuildMap()
    {
        var map = new (int A, int B)[68];
        for (var k = 0; k <= 16; k++)
        {
            map[k] = (2 * k, 2 * k);                       // jaw: every other WFLW contour point
        }

        (int, int)[] brows = [(33, 33), (34, 41), (35, 40), (36, 39), (37, 38), (42, 50), (43, 49), (44, 48), (45, 47), (46, 46)];
        brows.CopyTo(map, 17);                              // WFLW brows have an upper and a lower row
        for (var k = 27; k <= 35; k++)
        {
            map[k] = (k + 24, k + 24);                      // nose bridge and base: 51..59
        }

        int[] eyes = [60, 61, 63, 64, 65, 67, 68, 69, 71, 72, 73, 75]; // WFLW eyes have 8 points, iBUG 6
        for (var k = 0; k < eyes.Length; k++)
        {
            map[36 + k] = (eyes[k], eyes[k]);
        }

        for (var k = 48; k <= 67; k++)
        {
            map[k] = (k + 28, k + 28);                      // mouth: 76..95
        }

        return map;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
