namespace SadTalker.Inference.Imaging;

/// <summary>
/// Poisson image editing of a rectangular patch into an image, in the manner of OpenCV's
/// <c>seamlessClone(NORMAL_CLONE)</c> with an all-255 mask, which SadTalker uses for full/extfull paste-back
/// (sadtalker-facts.md §8).
/// </summary>
/// <remarks>
/// For a patch S of w × h placed with its top-left at (x0, y0) on the image D (our own formulation of the guided
/// interpolation of Pérez et al. 2003, arranged to match what OpenCV computes for that call):
/// <code>
/// ROI      = the patch rectangle shrunk by 1 px (OpenCV clears the mask's outer ring); its outer ring keeps D (Dirichlet)
/// m(p)     = 1 where p is at least <see cref="GuidanceBand"/> px inside the ROI (OpenCV erodes the mask 3× with 3×3), else 0
/// G(p)     = m(p)·∇S(p) + (1 − m(p))·∇D(p),   ∇I(p) = (I(p+x̂) − I(p), I(p+ŷ) − I(p))
/// L(p)     = G_x(p) − G_x(p−x̂) + G_y(p) − G_y(p−ŷ)
/// solve    Δf = L on the ROI interior, f = D on the ROI ring;   result = ⌊clamp(f, 0, 255)⌋
/// </code>
/// per channel, in float, with <see cref="DirichletPoissonSolver"/>. Pixels outside the ROI interior are untouched.
/// OpenCV truncates the float result to bytes, which darkens the blend by half a level on average and turns
/// 99.99997 into 99; that is the default here for fidelity to SadTalker's output (measured: mean |ours − OpenCV|
/// 0.004 levels truncating, 0.40 rounding), and <see cref="CloneRounding.Nearest"/> fixes it.
/// The rectangle must keep one pixel of the image on every side (OpenCV's ROI assertion, SadTalker issue #446,
/// fails there; here it is an <see cref="ArgumentException"/>).
/// </remarks>
public static class PoissonClone
{
    /// <summary>Width of the band along the edge that follows the destination's gradients (3 erosions of 3×3).</summary>
    public const int GuidanceBand = 3;

    /// <summary>Blends <paramref name="patch"/> into <paramref name="image"/> at (<paramref name="left"/>, <paramref name="top"/>), in place.</summary>
    /// <param name="rounding">How the float solution becomes bytes; the default truncates like OpenCV.</param>
    public static void NormalClone(RgbImage image, RgbImage patch, int left, int top, CloneRounding rounding = CloneRounding.TruncateLikeOpenCv)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Width < 5 || patch.Height < 5)
        {
            throw new ArgumentException($"The patch must be at least 5x5 pixels; got {patch.Width}x{patch.Height}.", nameof(patch));
        }

        if (left < 1 || top < 1 || left + patch.Width > image.Width - 1 || top + patch.Height > image.Height - 1)
        {
            throw new ArgumentException(
                $"The patch rectangle ({left},{top}) {patch.Width}x{patch.Height} must keep one pixel of the {image.Width}x{image.Height} image on every side.");
        }

        // ROI: the patch shrunk by one pixel; unknowns: its interior.
        var (rw, rh) = (patch.Width - 2, patch.Height - 2);
        var (nx, ny) = (rw - 2, rh - 2);
        var solver = new DirichletPoissonSolver(nx);
        var dst = new float[rw * rh];
        var src = new float[rw * rh];
        var f = new float[nx * ny];
        for (var c = 0; c < RgbImage.Channels; c++)
        {
            for (var y = 0; y < rh; y++)
            {
                for (var x = 0; x < rw; x++)
                {
                    dst[(y * rw) + x] = image.Pixels[((top + 1 + y) * image.Stride) + ((left + 1 + x) * RgbImage.Channels) + c];
                    src[(y * rw) + x] = patch.Pixels[((1 + y) * patch.Stride) + ((1 + x) * RgbImage.Channels) + c];
                }
            }

            BuildRightHandSide(dst, src, rw, rh, f);
            solver.Solve(f, ny);
            for (var y = 0; y < ny; y++)
            {
                for (var x = 0; x < nx; x++)
                {
                    var clamped = Math.Clamp(f[(y * nx) + x], 0f, 255f);
                    var v = rounding == CloneRounding.Nearest ? MathF.Round(clamped, MidpointRounding.ToEven) : MathF.Floor(clamped);
                    image.Pixels[((top + 2 + y) * image.Stride) + ((left + 2 + x) * RgbImage.Channels) + c] = (byte)v;
                }
            }
        }
    }

    /// <summary>b = L − (the ROI-ring neighbours of each interior pixel), over the (rw−2) × (rh−2) interior.</summary>
    private static void BuildRightHandSide(float[] dst, float[] src, int rw, int rh, Span<float> b)
    {
        var nx = rw - 2;
        for (var y = 1; y < rh - 1; y++)
        {
            for (var x = 1; x < rw - 1; x++)
            {
                var p = (y * rw) + x;
                var lap = Gradient(dst, src, rw, rh, x, y, 1, 0) - Gradient(dst, src, rw, rh, x - 1, y, 1, 0)
                    + Gradient(dst, src, rw, rh, x, y, 0, 1) - Gradient(dst, src, rw, rh, x, y - 1, 0, 1);
                var ring = (x == 1 ? dst[p - 1] : 0) + (x == rw - 2 ? dst[p + 1] : 0)
                    + (y == 1 ? dst[p - rw] : 0) + (y == rh - 2 ? dst[p + rw] : 0);
                b[((y - 1) * nx) + x - 1] = lap - ring;
            }
        }
    }

    /// <summary>Forward difference at (x, y) along (dx, dy) of the source inside the guidance mask, else of the destination.</summary>
    private static float Gradient(float[] dst, float[] src, int rw, int rh, int x, int y, int dx, int dy)
    {
        var inside = x >= GuidanceBand && y >= GuidanceBand && x < rw - GuidanceBand && y < rh - GuidanceBand;
        var image = inside ? src : dst;
        var p = (y * rw) + x;
        return image[p + (dy * rw) + dx] - image[p];
    }
}
