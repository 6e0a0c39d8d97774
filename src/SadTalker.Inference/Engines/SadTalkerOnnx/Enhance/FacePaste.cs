using System.Buffers;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>Pastes a restored 512² face back into the upscaled frame through the soft mask (sadtalker-facts.md §8).</summary>
public static class FacePaste
{
    private const int Channels = RgbImage.Channels;

    /// <summary>
    /// Blends <paramref name="face"/> into <paramref name="canvas"/>, the frame already upscaled to cw × ch, where
    /// <paramref name="frameToFace"/> is the alignment of the original frame.
    /// </summary>
    /// <remarks>
    /// For canvas pixel (X, Y), with s_x = cw / w and s_y = ch / h the upscale of the frame:
    /// <code>
    /// (x, y) = ((X + ½)/s_x − ½, (Y + ½)/s_y − ½)       the frame position (half-pixel centres, as the background resize)
    /// (u, v) = frameToFace(x, y);  m = mask(u, v)         <see cref="SoftFaceMask"/>, k = √(s_x·s_y) / scale(frameToFace)
    /// canvas = round(m·bilinear(face, u, v) + (1 − m)·canvas)
    /// </code>
    /// This is facexlib's inverse warp of the face (cv2.invertAffineTransform, times the upscale) and its blend in one
    /// pass over the face's bounding box. facexlib shifts the inverse map by 0.5·upscale; the half-pixel mapping above
    /// shifts it by (upscale − 1)/2, which keeps the face on the upscaled background. Only the box is touched. The mask's
    /// axis profile f is tabulated once per call at 1/8 face pixel and interpolated linearly (flat 0 and 1 stay exact).
    /// </remarks>
    public static void Blend(ReadOnlySpan<byte> face, Affine2D frameToFace, Span<byte> canvas, int cw, int ch, double scaleX, double scaleY, double upscale)
    {
        const int size = FfhqSize;
        if (face.Length < size * size * Channels || canvas.Length < (long)cw * ch * Channels)
        {
            throw new ArgumentException($"Need a {size}x{size} face and a {cw}x{ch} canvas (RGB24).");
        }

        var canvasToFace = new Affine2D(1 / scaleX, 0, (0.5 / scaleX) - 0.5, 0, 1 / scaleY, (0.5 / scaleY) - 0.5).Then(frameToFace);
        var mask = SoftFaceMask.For(Math.Sqrt(scaleX * scaleY) / frameToFace.Scale, upscale);
        var (left, top, right, bottom) = Bounds(canvasToFace.Invert(), cw, ch);
        var profile = ArrayPool<double>.Shared.Rent(ProfileLength);
        try
        {
            FillProfile(mask, profile);
            Blend(face, canvasToFace, profile, canvas, cw, (left, top, right, bottom));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(profile);
        }
    }

    /// <summary>Samples of the mask's axis profile f(u), <see cref="ProfileSteps"/> per face pixel over u ∈ [−1, 513].</summary>
    private const int ProfileSteps = 8;

    private const int ProfileLength = ((FfhqSize + 2) * ProfileSteps) + 2;

    private static void FillProfile(SoftFaceMask mask, Span<double> profile)
    {
        for (var i = 0; i < ProfileLength; i++)
        {
            profile[i] = mask.Axis(((double)i / ProfileSteps) - 1);
        }
    }

    /// <summary>f(u) by linear interpolation of the profile (exact 0 and 1 stay exact on the flat parts).</summary>
    private static double Profile(ReadOnlySpan<double> profile, double u)
    {
        var f = (u + 1) * ProfileSteps;
        if (!(f >= 0 && f < ProfileLength - 1))
        {
            return 0;
        }

        var i = (int)f;
        return profile[i] + ((f - i) * (profile[i + 1] - profile[i]));
    }

    private static void Blend(ReadOnlySpan<byte> face, Affine2D canvasToFace, ReadOnlySpan<double> profile, Span<byte> canvas, int cw, (int Left, int Top, int Right, int Bottom) box)
    {
        const int size = FfhqSize;
        const int stride = size * Channels;
        var (left, top, right, bottom) = box;
        for (var y = top; y < bottom; y++)
        {
            var row = canvas.Slice(y * cw * Channels, cw * Channels);
            var (rowU, rowV) = ((canvasToFace.M01 * y) + canvasToFace.M02, (canvasToFace.M11 * y) + canvasToFace.M12);
            for (var x = left; x < right; x++)
            {
                var u = (canvasToFace.M00 * x) + rowU;
                var v = (canvasToFace.M10 * x) + rowV;
                var m = Profile(profile, u);
                if (m <= 0 || (m *= Profile(profile, v)) <= 0)
                {
                    continue;
                }

                var (cu, cv) = (Math.Clamp(u, 0, size - 1), Math.Clamp(v, 0, size - 1));
                var (x0, y0) = (Math.Min((int)cu, size - 2), Math.Min((int)cv, size - 2));
                var (fx, fy) = (cu - x0, cv - y0);
                var t0 = (y0 * stride) + (x0 * Channels);
                var b0 = t0 + stride;
                var o = x * Channels;
                for (var c = 0; c < Channels; c++)
                {
                    var t = face[t0 + c] + (fx * (face[t0 + Channels + c] - face[t0 + c]));
                    var b = face[b0 + c] + (fx * (face[b0 + Channels + c] - face[b0 + c]));
                    var restored = t + (fy * (b - t));
                    row[o + c] = (byte)Math.Clamp((int)((m * restored) + ((1 - m) * row[o + c]) + 0.5), 0, 255);
                }
            }
        }
    }

    private const int FfhqSize = Preprocess.FfhqAlignment.FaceSize;

    /// <summary>The canvas pixels the face square [−½, 511.5]² covers, clipped to the canvas: [left, right) × [top, bottom).</summary>
    private static (int Left, int Top, int Right, int Bottom) Bounds(Affine2D faceToCanvas, int cw, int ch)
    {
        const double lo = -0.5, hi = FfhqSize - 0.5;
        ReadOnlySpan<(double U, double V)> corners = [(lo, lo), (hi, lo), (lo, hi), (hi, hi)];
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (u, v) in corners)
        {
            var (x, y) = faceToCanvas.Apply(u, v);
            (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
        }

        return ((int)Math.Clamp(Math.Floor(minX), 0, cw), (int)Math.Clamp(Math.Floor(minY), 0, ch),
            (int)Math.Clamp(Math.Ceiling(maxX) + 1, 0, cw), (int)Math.Clamp(Math.Ceiling(maxY) + 1, 0, ch));
    }
}
