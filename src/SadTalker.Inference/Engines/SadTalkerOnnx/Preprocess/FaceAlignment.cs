namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>The 5-point similarity fit SadTalker runs before the 3DMM network (<c>align_img</c>, sadtalker-facts.md §3).</summary>
/// <remarks>
/// <code>
/// y' = H − 1 − y for every landmark; five points P_img = [mean(36,39), mean(42,45), p30, p48, p54] (0-based)
/// least squares over the 10 equations x_i = a·P_i + t_x,  y'_i = b·P_i + t_y  (a, b ∈ ℝ³, P_i the 3-D targets)
/// s = (‖a‖ + ‖b‖)/2,  s' = 102/s,  (w, h) = (int(W·s'), int(H·s'))
/// left = int(w/2 − 112 + (t_x − W/2)·s'),  up = int(h/2 − 112 + (H/2 − t_y)·s')
/// </code>
/// The two 4-unknown halves of the 8×8 system are independent (a, t_x only see x; b, t_y only see y'), so each is
/// solved from its 4×4 normal equations in double. int() truncates toward zero, as Python does.
/// </remarks>
public static class FaceAlignment
{
    /// <summary>Rescale target of the fit (the reference's <c>rescale_factor</c>).</summary>
    public const double RescaleFactor = 102.0;

    /// <summary>
    /// 3-D targets of the five points: the same 68-point indices of SadTalker's similarity_Lm3D_all.mat
    /// (derived values in sadtalker-facts.md §3): left eye, right eye, nose tip, left and right mouth corners.
    /// </summary>
    private static readonly double[,] Targets =
    {
        { -0.311487, 0.290361, 0.133780 },
        { 0.309799, 0.289720, 0.131795 },
        { 0.003253, -0.046179, 0.552442 },
        { -0.252169, -0.381339, 0.224057 },
        { 0.248466, -0.381282, 0.222358 },
    };

    /// <summary>Fits the 68 landmarks (x0, y0, ... in image pixels, y down) of a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    public static AlignParameters Fit(ReadOnlySpan<float> landmarks, int width, int height)
    {
        if (landmarks.Length != 136)
        {
            throw new ArgumentException($"Expected 68 landmarks (136 values), got {landmarks.Length} values.", nameof(landmarks));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Span<double> xs = stackalloc double[5];
        Span<double> ys = stackalloc double[5];
        ReadOnlySpan<(int A, int B)> picks = [(36, 39), (42, 45), (30, 30), (48, 48), (54, 54)];
        for (var i = 0; i < 5; i++)
        {
            var (a, b) = picks[i];
            xs[i] = (landmarks[2 * a] + (double)landmarks[2 * b]) / 2;
            ys[i] = height - 1 - ((landmarks[(2 * a) + 1] + (double)landmarks[(2 * b) + 1]) / 2);
        }

        return FitPoints(xs, ys, width, height);
    }

    /// <summary>
    /// The fit when no face is found on the crop (§3): the five standard points themselves, placed at
    /// ((X+1)/2·W, (Y+1)/2·H) and used as they are (the reference skips the y flip in this branch).
    /// </summary>
    public static AlignParameters FitStandardPoints(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Span<double> xs = stackalloc double[5];
        Span<double> ys = stackalloc double[5];
        for (var i = 0; i < 5; i++)
        {
            xs[i] = (Targets[i, 0] + 1) / 2 * width;
            ys[i] = (Targets[i, 1] + 1) / 2 * height;
        }

        return FitPoints(xs, ys, width, height);
    }

    /// <summary>The fit of five points already in the y-up frame.</summary>
    private static AlignParameters FitPoints(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int width, int height)
    {
        Span<double> rowX = stackalloc double[4];
        Span<double> rowY = stackalloc double[4];
        FitAffineRow(xs, rowX);
        FitAffineRow(ys, rowY);
        var s = (Norm3(rowX) + Norm3(rowY)) / 2;
        var scale = RescaleFactor / s;
        var (tx, ty) = (rowX[3], rowY[3]);
        var (w, h) = ((int)(width * scale), (int)(height * scale));
        const double half = AlignParameters.TargetSize / 2.0;
        var left = (int)((w / 2.0) - half + ((tx - (width / 2.0)) * scale));
        var up = (int)((h / 2.0) - half + (((height / 2.0) - ty) * scale));
        return new AlignParameters(scale, tx, ty, w, h, left, up);
    }

    private static double Norm3(ReadOnlySpan<double> v) => Math.Sqrt((v[0] * v[0]) + (v[1] * v[1]) + (v[2] * v[2]));

    /// <summary>Least squares for k in values_i = k0·P_i0 + k1·P_i1 + k2·P_i2 + k3, via the 4×4 normal equations.</summary>
    private static void FitAffineRow(ReadOnlySpan<double> values, Span<double> k)
    {
        var m = new double[4, 5];
        for (var i = 0; i < 5; i++)
        {
            ReadOnlySpan<double> row = [Targets[i, 0], Targets[i, 1], Targets[i, 2], 1.0];
            for (var r = 0; r < 4; r++)
            {
                for (var c = 0; c < 4; c++)
                {
                    m[r, c] += row[r] * row[c];
                }

                m[r, 4] += row[r] * values[i];
            }
        }

        // Gauss-Jordan with partial pivoting on the augmented 4×5 matrix.
        for (var col = 0; col < 4; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < 4; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var c = 0; c < 5; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }

            for (var r = 0; r < 4; r++)
            {
                if (r != col)
                {
                    var f = m[r, col] / m[col, col];
                    for (var c = col; c < 5; c++)
                    {
                        m[r, c] -= f * m[col, c];
                    }
                }
            }
        }

        for (var r = 0; r < 4; r++)
        {
            k[r] = m[r, 4] / m[r, r];
        }
    }
}
