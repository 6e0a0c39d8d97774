namespace SadTalker.Inference.Imaging;

/// <summary>Affine resampling of RGB24 images (OpenCV <c>warpAffine</c>, <c>INTER_LINEAR</c>, <c>BORDER_CONSTANT</c>).</summary>
public static class AffineWarp
{
    private const int Channels = RgbImage.Channels;

    /// <summary>
    /// Fills <paramref name="dst"/> (dw × dh) by sampling <paramref name="src"/> (sw × sh) bilinearly at
    /// <paramref name="destinationToSource"/>(x, y); neighbours outside the source read <paramref name="border"/> (R, G, B).
    /// </summary>
    /// <remarks>
    /// <c>cv2.warpAffine(src, M, (dw, dh))</c> is this call with <c>destinationToSource = M⁻¹</c>. Per pixel and channel:
    /// <code>
    /// (sx, sy) = A·(x, y) + t,  x0 = ⌊sx⌋, y0 = ⌊sy⌋, fx = sx − x0, fy = sy − y0
    /// p(i, j) = src[j, i] inside the image, border otherwise
    /// dst = round((1 − fy)·((1 − fx)·p(x0, y0) + fx·p(x0 + 1, y0)) + fy·((1 − fx)·p(x0, y0 + 1) + fx·p(x0 + 1, y0 + 1)))
    /// </code>
    /// Positions are exact doubles; OpenCV quantises them to 1/32 px and the weights to 15 bits, so results differ
    /// from it by a fraction of a level (the golden test measures it).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its image, or the border is not 3 bytes.</exception>
    public static void Bilinear(
        ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh, Affine2D destinationToSource, ReadOnlySpan<byte> border)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sh);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dh);
        if (src.Length < (long)sw * sh * Channels || dst.Length < (long)dw * dh * Channels || border.Length != Channels)
        {
            throw new ArgumentException($"Need a {sw}x{sh} source, a {dw}x{dh} destination (RGB24) and a 3-byte border.");
        }

        var m = destinationToSource;
        var stride = sw * Channels;
        for (var y = 0; y < dh; y++)
        {
            var row = dst.Slice(y * dw * Channels, dw * Channels);
            var (rowX, rowY) = ((m.M01 * y) + m.M02, (m.M11 * y) + m.M12);
            for (var x = 0; x < dw; x++)
            {
                var sx = (m.M00 * x) + rowX;
                var sy = (m.M10 * x) + rowY;
                var o = x * Channels;
                if (!(sx > -1 && sy > -1 && sx < sw && sy < sh))
                {
                    (row[o], row[o + 1], row[o + 2]) = (border[0], border[1], border[2]);
                    continue;
                }

                // ⌊s⌋ for s > −1 without Math.Floor: truncation of s + 1 is ⌊s⌋ + 1.
                var x0 = (int)(sx + 1) - 1;
                var y0 = (int)(sy + 1) - 1;
                var fx = sx - x0;
                var fy = sy - y0;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh)
                {
                    var top = (y0 * stride) + (x0 * Channels);
                    var bottom = top + stride;
                    for (var c = 0; c < Channels; c++)
                    {
                        row[o + c] = Blend(src[top + c], src[top + Channels + c], src[bottom + c], src[bottom + Channels + c], fx, fy);
                    }

                    continue;
                }

                for (var c = 0; c < Channels; c++)
                {
                    row[o + c] = Blend(
                        At(src, sw, sh, x0, y0, c, border), At(src, sw, sh, x0 + 1, y0, c, border),
                        At(src, sw, sh, x0, y0 + 1, c, border), At(src, sw, sh, x0 + 1, y0 + 1, c, border), fx, fy);
                }
            }
        }
    }

    private static byte At(ReadOnlySpan<byte> src, int sw, int sh, int x, int y, int c, ReadOnlySpan<byte> border) =>
        x >= 0 && y >= 0 && x < sw && y < sh ? src[(((y * sw) + x) * Channels) + c] : border[c];

    private static byte Blend(byte p00, byte p10, byte p01, byte p11, double fx, double fy)
    {
        var top = p00 + (fx * (p10 - p00));
        var bottom = p01 + (fx * (p11 - p01));
        return (byte)Math.Min(255, (int)(top + (fy * (bottom - top)) + 0.5));
    }
}
