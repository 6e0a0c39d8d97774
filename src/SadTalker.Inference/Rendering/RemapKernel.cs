namespace SadTalker.Inference.Rendering;

/// <summary>Backward-mapping warp kernels over RGB24 spans (like OpenCV's <c>remap</c> with <c>INTER_LINEAR</c>).</summary>
public static class RemapKernel
{
    private const int Channels = 3;

    /// <summary>Samples one output row: pixel i takes the source colour at (mapX[i], mapY[i]).</summary>
    /// <remarks>
    /// Pixel centres are at integer coordinates. For each output pixel i and channel c:
    /// <code>
    /// x = clamp(mapX[i], 0, w − 1),  x0 = ⌊x⌋, x1 = min(x0 + 1, w − 1), fx = x − x0
    /// y = clamp(mapY[i], 0, h − 1),  y0 = ⌊y⌋, y1 = min(y0 + 1, h − 1), fy = y − y0
    /// dst[i, c] = round((1 − fy)·((1 − fx)·src[y0, x0, c] + fx·src[y0, x1, c]) + fy·((1 − fx)·src[y1, x0, c] + fx·src[y1, x1, c]))
    /// </code>
    /// Positions outside the image take the nearest edge pixel (clamp to edge), so a warp never pulls in black;
    /// NaN counts as 0.
    /// Weights are rounded to 1/1024 and the sum is done in integers: the result is within 1 of the formula in
    /// real arithmetic (tests compare against a double-precision reference).
    /// </remarks>
    /// <param name="source">RGB24 source, width·height·3 bytes.</param>
    /// <param name="width">Source width.</param>
    /// <param name="height">Source height.</param>
    /// <param name="mapX">Source x per output pixel.</param>
    /// <param name="mapY">Source y per output pixel.</param>
    /// <param name="destination">Output row, mapX.Length·3 bytes.</param>
    /// <exception cref="ArgumentException">A span is too short or the maps differ in length.</exception>
    public static void BilinearRow(
        ReadOnlySpan<byte> source, int width, int height, ReadOnlySpan<float> mapX, ReadOnlySpan<float> mapY,
        Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (source.Length < (long)width * height * Channels)
        {
            throw new ArgumentException($"Source is shorter than {width}x{height}x{Channels}.", nameof(source));
        }

        if (mapX.Length != mapY.Length)
        {
            throw new ArgumentException("mapX and mapY differ in length.", nameof(mapY));
        }

        if (destination.Length < mapX.Length * Channels)
        {
            throw new ArgumentException($"Destination is shorter than {mapX.Length}x{Channels}.", nameof(destination));
        }

        var stride = width * Channels;
        float maxX = width - 1, maxY = height - 1;
        for (var i = 0; i < mapX.Length; i++)
        {
            // Written so that NaN lands on 0 rather than on an out-of-range index.
            var x = mapX[i] > 0 ? Math.Min(mapX[i], maxX) : 0f;
            var y = mapY[i] > 0 ? Math.Min(mapY[i], maxY) : 0f;
            int x0 = (int)x, y0 = (int)y;
            var wx = (int)(((x - x0) * 1024f) + 0.5f);
            var wy = (int)(((y - y0) * 1024f) + 0.5f);
            var dx = x0 < width - 1 ? Channels : 0;
            var dy = y0 < height - 1 ? stride : 0;
            var p = (y0 * stride) + (x0 * Channels);
            var o = i * Channels;
            for (var c = 0; c < Channels; c++, p++)
            {
                var top = (source[p] << 10) + (wx * (source[p + dx] - source[p]));
                var bottom = (source[p + dy] << 10) + (wx * (source[p + dy + dx] - source[p + dy]));
                var v = (top << 10) + (wy * (bottom - top));
                destination[o + c] = (byte)((v + (1 << 19)) >> 20);
            }
        }
    }
}
