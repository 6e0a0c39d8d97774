using System.Buffers;

namespace SadTalker.Inference.Imaging;

/// <summary>Resampling kernels over RGB24 spans (caller-owned destination, no allocation visible to the caller).</summary>
public static class ImageResize
{
    private const int Channels = RgbImage.Channels;

    /// <summary>Bilinear resize of an RGB24 image with half-pixel centres.</summary>
    /// <remarks>
    /// For destination pixel (x, y) and each channel c:
    /// <code>
    /// sx = clamp((x + 0.5) * sw / dw - 0.5, 0, sw - 1),  x0 = floor(sx), x1 = min(x0 + 1, sw - 1), fx = sx - x0
    /// sy = clamp((y + 0.5) * sh / dh - 0.5, 0, sh - 1),  y0 = floor(sy), y1 = min(y0 + 1, sh - 1), fy = sy - y0
    /// dst = round((1 - fy) * ((1 - fx) * src[y0, x0] + fx * src[y0, x1]) + fy * ((1 - fx) * src[y1, x0] + fx * src[y1, x1]))
    /// </code>
    /// This matches OpenCV's <c>INTER_LINEAR</c> and PyTorch's <c>align_corners=False</c>. There is no low-pass filter,
    /// so large downscales alias; the column indices and weights are computed once per call, not per pixel.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span is shorter than width * height * 3.</exception>
    public static void Bilinear(ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sh);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dh);
        if (src.Length < (long)sw * sh * Channels)
        {
            throw new ArgumentException($"Source is shorter than {sw}x{sh}x{Channels}.", nameof(src));
        }

        if (dst.Length < (long)dw * dh * Channels)
        {
            throw new ArgumentException($"Destination is shorter than {dw}x{dh}x{Channels}.", nameof(dst));
        }

        if (sw == dw && sh == dh)
        {
            // Same size: every sample lands on a source pixel centre with weight 0 on its neighbour, i.e. a copy.
            src[..(sw * sh * Channels)].CopyTo(dst);
            return;
        }

        var left = ArrayPool<int>.Shared.Rent(dw);
        var right = ArrayPool<int>.Shared.Rent(dw);
        var weights = ArrayPool<float>.Shared.Rent(dw);
        try
        {
            for (var x = 0; x < dw; x++)
            {
                var (x0, x1, fx) = Sample(x, sw, dw);
                left[x] = x0 * Channels;
                right[x] = x1 * Channels;
                weights[x] = fx;
            }

            var srcStride = sw * Channels;
            for (var y = 0; y < dh; y++)
            {
                var (y0, y1, fy) = Sample(y, sh, dh);
                var top = src.Slice(y0 * srcStride, srcStride);
                var bottom = src.Slice(y1 * srcStride, srcStride);
                var row = dst.Slice(y * dw * Channels, dw * Channels);
                for (var x = 0; x < dw; x++)
                {
                    int l = left[x], r = right[x];
                    var fx = weights[x];
                    for (var c = 0; c < Channels; c++)
                    {
                        var t = top[l + c] + (fx * (top[r + c] - top[l + c]));
                        var b = bottom[l + c] + (fx * (bottom[r + c] - bottom[l + c]));
                        var v = t + (fy * (b - t));
                        row[(x * Channels) + c] = (byte)Math.Min(255, (int)(v + 0.5f));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(left);
            ArrayPool<int>.Shared.Return(right);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    /// <summary>Source neighbours and weight for destination index <paramref name="d"/> (half-pixel centres).</summary>
    private static (int I0, int I1, float Frac) Sample(int d, int sourceSize, int destinationSize)
    {
        var s = ((d + 0.5f) * sourceSize / destinationSize) - 0.5f;
        s = Math.Clamp(s, 0f, sourceSize - 1);
        var i0 = (int)s;
        return (i0, Math.Min(i0 + 1, sourceSize - 1), s - i0);
    }
}
