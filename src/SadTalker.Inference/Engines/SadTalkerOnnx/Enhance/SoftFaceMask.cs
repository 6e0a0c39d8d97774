namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>
/// The blend weight of the restored face when it is pasted back (facexlib paste_faces_to_input_image without the
/// parsing mask, sadtalker-facts.md §8), written in the face's own 512² coordinates.
/// </summary>
/// <remarks>
/// facexlib warps an all-ones 512² mask into the upscaled frame, erodes it by a (2·upscale)² box ("removes the black
/// border"), takes w_edge = ⌊√area⌋ // 20 of what is left, erodes again by a (2·w_edge)² box and blurs with a
/// (2·w_edge + 1)² Gaussian (OpenCV's default σ = 0.3·(w_edge − 1) + 0.8). The warped mask is a rotated square of side
/// L = 512·k (k = output pixels per face pixel), so the same steps in closed form are, per face axis u:
/// <code>
/// e = ⌊2·upscale⌋/2 + w_edge                      total erosion (output px)
/// w_edge = ⌊L − 2·⌊2·upscale⌋/2⌋ // 20             √area of the first erosion's square
/// d_l = (u + 0.5)·k − e,  d_r = (511.5 − u)·k − e   signed distances to the eroded edges
/// f(u) = G(d_l) + G(d_r) − 1 clamped to [0, 1];     mask(u, v) = f(u)·f(v)
/// G(d) = (Φ(d/σ) − Φ(−R/σ)) / (Φ(R/σ) − Φ(−R/σ)) on |d| &lt; R = w_edge + ½, 0 below, 1 above (the truncated kernel)
/// </code>
/// An isotropic Gaussian blur of a rectangle is the product of the two edge profiles whatever the rotation, so this
/// matches the raster version up to its pixel rounding and the box erosion of a tilted square (a fraction of a pixel).
/// It is exactly 0 outside the face square and exactly 1 in its centre.
/// </remarks>
public readonly record struct SoftFaceMask(double PixelsPerFacePixel, double Erosion, double Sigma, double Radius)
{
    private const double Size = 512;

    /// <summary>The mask for a face drawn at <paramref name="pixelsPerFacePixel"/> output pixels per face pixel, with the frame upscaled by <paramref name="upscale"/>.</summary>
    public static SoftFaceMask For(double pixelsPerFacePixel, double upscale)
    {
        var first = Math.Floor(2 * upscale) / 2;
        var side = Math.Max(0, (Size * pixelsPerFacePixel) - (2 * first));
        var edge = Math.Floor(Math.Floor(side) / 20);
        return new SoftFaceMask(pixelsPerFacePixel, first + edge, (0.3 * (edge - 1)) + 0.8, edge + 0.5);
    }

    /// <summary>The weight at face coordinates (u, v), in [0, 1].</summary>
    public double At(double u, double v) => Axis(u) * Axis(v);

    /// <summary>f(u): the profile across one axis of the face square.</summary>
    public double Axis(double u)
    {
        var left = ((u + 0.5) * PixelsPerFacePixel) - Erosion;
        var right = ((Size - 0.5 - u) * PixelsPerFacePixel) - Erosion;
        return Math.Clamp(Edge(left) + Edge(right) - 1, 0, 1);
    }

    private double Edge(double d)
    {
        if (d <= -Radius)
        {
            return 0;
        }

        if (d >= Radius)
        {
            return 1;
        }

        var low = NormalCdf(-Radius / Sigma);
        return (NormalCdf(d / Sigma) - low) / (NormalCdf(Radius / Sigma) - low);
    }

    /// <summary>Φ(x) = (1 + erf(x/√2))/2 with erf from Abramowitz–Stegun 7.1.26 (|error| ≤ 1.5e−7).</summary>
    private static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * z));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-z * z));
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
