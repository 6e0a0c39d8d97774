namespace SadTalker.Inference.Imaging;

/// <summary>A 2-D affine map, the 2×3 matrix OpenCV passes to <c>warpAffine</c>: x' = M00·x + M01·y + M02, y' = M10·x + M11·y + M12.</summary>
public readonly record struct Affine2D(double M00, double M01, double M02, double M10, double M11, double M12)
{
    public static Affine2D Identity { get; } = new(1, 0, 0, 0, 1, 0);

    /// <summary>The linear part's determinant; zero for a map that cannot be inverted.</summary>
    public double Determinant => (M00 * M11) - (M01 * M10);

    /// <summary>The uniform scale √|det| (the similarity's scale factor).</summary>
    public double Scale => Math.Sqrt(Math.Abs(Determinant));

    public (double X, double Y) Apply(double x, double y) => ((M00 * x) + (M01 * y) + M02, (M10 * x) + (M11 * y) + M12);

    /// <summary>The inverse map, as <c>cv2.invertAffineTransform</c> computes it.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular.</exception>
    public Affine2D Invert()
    {
        var det = Determinant;
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException("The affine map is singular and cannot be inverted.");
        }

        var (a, b, c, d) = (M11 / det, -M01 / det, -M10 / det, M00 / det);
        return new Affine2D(a, b, -((a * M02) + (b * M12)), c, d, -((c * M02) + (d * M12)));
    }

    /// <summary>This map followed by <paramref name="next"/>: x ↦ next(this(x)).</summary>
    public Affine2D Then(Affine2D next) => new(
        (next.M00 * M00) + (next.M01 * M10),
        (next.M00 * M01) + (next.M01 * M11),
        (next.M00 * M02) + (next.M01 * M12) + next.M02,
        (next.M10 * M00) + (next.M11 * M10),
        (next.M10 * M01) + (next.M11 * M11),
        (next.M10 * M02) + (next.M11 * M12) + next.M12);
}
