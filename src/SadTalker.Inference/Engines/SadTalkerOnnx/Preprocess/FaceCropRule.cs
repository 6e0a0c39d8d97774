namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>The FFHQ-style crop rule without the warp, as SadTalker's croper applies it (sadtalker-facts.md §2).</summary>
/// <remarks>
/// With the 68 landmarks p (x, y):
/// <code>
/// e_l = mean(p36..41), e_r = mean(p42..47), ē = (e_l + e_r)/2, Δe = e_r − e_l, m̄ = (p48 + p54)/2, Δm = m̄ − ē
/// x = normalise(Δe + (Δm_y, −Δm_x)) · max(2‖Δe‖, 1.8‖Δm‖),  y = (−x_y, x_x),  c = ē + 0.1·Δm
/// quad = [c−x−y, c−x+y, c+x+y, c+x−y],  qsize = 2‖x‖
/// shrink = ⌊qsize/512 · 0.5⌋; if shrink > 1: size = rint(W/shrink, H/shrink), quad /= shrink, qsize /= shrink
/// border = max(rint(0.1·qsize), 3)
/// crop = (⌊min qx⌋ − border, ⌊min qy⌋ − border, ⌈max qx⌉ + border, ⌈max qy⌉ + border) clipped to [0, W'] × [0, H']
/// quad −= crop origin; q = quad + 0.5
/// lx = max(min(q0x, q1x), 0), ly = max(min(q0y, q3y), 0), rx = min(max(q2x, q3x), W'), ry = min(max(q1y, q2y), W')
/// </code>
/// The last clamp uses the width for ry: a quirk of the reference (§12) that is reproduced by default; pass
/// <c>clampBottomToHeight: true</c> to clamp ry with the height instead. rint rounds half to even, like numpy.
/// </remarks>
public static class FaceCropRule
{
    /// <summary>Output size the reference passes to its crop (xsize 512), which sets the shrink threshold.</summary>
    public const int OutputSize = 512;

    /// <summary>Computes the crop of an image of <paramref name="width"/> × <paramref name="height"/>.</summary>
    /// <param name="landmarks">68 points as x0, y0, x1, y1, ... (136 values), in image pixels.</param>
    /// <param name="clampBottomToHeight">Fixes the §2 quirk (ry clamped with the width).</param>
    public static FaceCrop Compute(ReadOnlySpan<float> landmarks, int width, int height, bool clampBottomToHeight = false)
    {
        if (landmarks.Length != 136)
        {
            throw new ArgumentException($"Expected 68 landmarks (136 values), got {landmarks.Length} values.", nameof(landmarks));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);

        var (elx, ely) = Mean(landmarks, 36, 42);
        var (erx, ery) = Mean(landmarks, 42, 48);
        var (eax, eay) = ((elx + erx) / 2, (ely + ery) / 2);
        var (dex, dey) = (erx - elx, ery - ely);
        var (mx, my) = ((landmarks[96] + (double)landmarks[108]) / 2, (landmarks[97] + (double)landmarks[109]) / 2);
        var (dmx, dmy) = (mx - eax, my - eay);

        var (xx, xy) = (dex + dmy, dey - dmx);
        var norm = Math.Sqrt((xx * xx) + (xy * xy));
        var scale = Math.Max(Math.Sqrt((dex * dex) + (dey * dey)) * 2.0, Math.Sqrt((dmx * dmx) + (dmy * dmy)) * 1.8);
        (xx, xy) = (xx / norm * scale, xy / norm * scale);
        var (yx, yy) = (-xy, xx);
        var (cx, cy) = (eax + (dmx * 0.1), eay + (dmy * 0.1));
        double[] quad = [cx - xx - yx, cy - xy - yy, cx - xx + yx, cy - xy + yy, cx + xx + yx, cy + xy + yy, cx + xx - yx, cy + xy - yy];
        var qsize = Math.Sqrt((xx * xx) + (xy * xy)) * 2;

        var shrink = (int)Math.Floor(qsize / OutputSize * 0.5);
        var (w, h) = (width, height);
        if (shrink > 1)
        {
            (w, h) = ((int)Math.Round(width / (double)shrink), (int)Math.Round(height / (double)shrink));
            for (var i = 0; i < quad.Length; i++)
            {
                quad[i] /= shrink;
            }

            qsize /= shrink;
        }

        var border = Math.Max((int)Math.Round(qsize * 0.1), 3);
        var crop = (
            Left: Math.Max((int)Math.Floor(Min(quad, 0)) - border, 0),
            Top: Math.Max((int)Math.Floor(Min(quad, 1)) - border, 0),
            Right: Math.Min((int)Math.Ceiling(Max(quad, 0)) + border, w),
            Bottom: Math.Min((int)Math.Ceiling(Max(quad, 1)) + border, h));
        for (var i = 0; i < quad.Length; i += 2)
        {
            quad[i] -= crop.Left;
            quad[i + 1] -= crop.Top;
        }

        const double half = 0.5;
        var inner = (
            Left: Math.Max(Math.Min(quad[0], quad[2]) + half, 0),
            Top: Math.Max(Math.Min(quad[1], quad[7]) + half, 0),
            Right: Math.Min(Math.Max(quad[4], quad[6]) + half, w),
            Bottom: Math.Min(Math.Max(quad[3], quad[5]) + half, clampBottomToHeight ? h : w));
        return new FaceCrop(w, h, shrink, qsize, crop, inner, quad);
    }

    private static (double X, double Y) Mean(ReadOnlySpan<float> points, int start, int end)
    {
        double sx = 0, sy = 0;
        for (var i = start; i < end; i++)
        {
            sx += points[2 * i];
            sy += points[(2 * i) + 1];
        }

        return (sx / (end - start), sy / (end - start));
    }

    private static double Min(double[] quad, int axis) => Math.Min(Math.Min(quad[axis], quad[axis + 2]), Math.Min(quad[axis + 4], quad[axis + 6]));

    private static double Max(double[] quad, int axis) => Math.Max(Math.Max(quad[axis], quad[axis + 2]), Math.Max(quad[axis + 4], quad[axis + 6]));
}
