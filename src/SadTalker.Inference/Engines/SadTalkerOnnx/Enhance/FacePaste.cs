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
    /// shifts it by (upscale − 1)/2, which keeps the face on the upscaled background. Only the box is touched.
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
        var stride = size * Channels;
        for (var y = top; y < bottom; y++)
        {
            var row = canvas.Slice(y * cw * Channels, cw * Channels);
            for (var x = left; x < right; x++)
            {
                var (u, v) = canvasToFace.Apply(x, y);
                var m = mask.Axis(u);
                if (m <= 0 || (m *= mask.Axis(v)) <= 0)
                {
                    continue;
                }

                var (cu, cv) = (Math.Clamp(u, 0, size - 1), Math.Clamp(v, 0, size - 1));
                var (x0, y0) = (Math.Min((int)cu, size - 2), Math.Min((int)cv, size - 2));
                var (fx, fy) = (cu - x0, cv - y0);
                var topRow = face.Slice((y0 * stride) + (x0 * Channels), 2 * Channels);
                var bottomRow = face.Slice(((y0 + 1) * stride) + (x0 * Channels), 2 * Channels);
                for (var c = 0; c < Channels; c++)
                {
                    var t = topRow[c] + (fx * (topRow[Channels + c] - topRow[c]));
                    var b = bottomRow[c] + (fx * (bottomRow[Channels + c] - bottomRow[c]));
                    var restored = t + (fy * (b - t));
                    ref var pixel = ref row[(x * Channels) + c];
                    pixel = (byte)Math.Clamp((int)((m * restored) + ((1 - m) * pixel) + 0.5), 0, 255);
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
