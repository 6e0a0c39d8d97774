namespace SadTalker.Inference.Imaging;

/// <summary>The 4-DOF similarity (rotation, uniform scale, translation) that best maps one point set onto another.</summary>
/// <remarks>
/// Least squares over n point pairs (x_i, y_i) → (u_i, v_i) for the matrix [[a, −b, t_x], [b, a, t_y]]:
/// <code>
/// centre both sets: x̃ = x − x̄, ỹ = y − ȳ, ũ = u − ū, ṽ = v − v̄;   D = Σ (x̃² + ỹ²)
/// a = Σ (x̃·ũ + ỹ·ṽ) / D,   b = Σ (x̃·ṽ − ỹ·ũ) / D
/// t_x = ū − a·x̄ + b·ȳ,      t_y = v̄ − b·x̄ − a·ȳ
/// </code>
/// This is the closed form of the 2n×4 normal equations. For consistent points it equals OpenCV's
/// <c>estimateAffinePartial2D</c> (facexlib calls it with LMEDS, which keeps every point when all fit and then
/// refines over them); with outliers LMEDS may drop points and the two differ, by design: we always use all five.
/// </remarks>
public static class SimilarityFit
{
    /// <summary>Fits the map from <paramref name="from"/> to <paramref name="to"/>, both x0, y0, x1, y1, … (same length, ≥ 2 points).</summary>
    /// <exception cref="ArgumentException">The lengths differ or are odd, there are fewer than two points, or all source points coincide.</exception>
    public static Affine2D LeastSquares(ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        if (from.Length != to.Length || from.Length % 2 != 0 || from.Length < 4)
        {
            throw new ArgumentException($"Need two equal-length lists of at least two (x, y) points; got {from.Length} and {to.Length} values.", nameof(from));
        }

        var n = from.Length / 2;
        double mx = 0, my = 0, mu = 0, mv = 0;
        for (var i = 0; i < n; i++)
        {
            mx += from[2 * i];
            my += from[(2 * i) + 1];
            mu += to[2 * i];
            mv += to[(2 * i) + 1];
        }

        (mx, my, mu, mv) = (mx / n, my / n, mu / n, mv / n);
        double d = 0, sa = 0, sb = 0;
        for (var i = 0; i < n; i++)
        {
            var (x, y) = (from[2 * i] - mx, from[(2 * i) + 1] - my);
            var (u, v) = (to[2 * i] - mu, to[(2 * i) + 1] - mv);
            d += (x * x) + (y * y);
            sa += (x * u) + (y * v);
            sb += (x * v) - (y * u);
        }

        if (d < 1e-12)
        {
            throw new ArgumentException("The source points coincide; no similarity can be fitted.", nameof(from));
        }

        var (a, b) = (sa / d, sb / d);
        return new Affine2D(a, -b, mu - (a * mx) + (b * my), b, a, mv - (b * mx) - (a * my));
    }
}
