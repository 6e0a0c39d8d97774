using System.Buffers;

namespace SadTalker.Inference.Imaging;

/// <summary>
/// Pillow's 8-bit bicubic resize (<c>Image.resize(size, Image.BICUBIC)</c> on an RGB image), bit for bit, over RGB24
/// spans: SadTalker's <c>align_img</c> resizes the crop with it before the 3DMM network (sadtalker-facts.md §3).
/// </summary>
/// <remarks>
/// Written from the algorithm of Pillow's libImaging/Resample.c (9.4, the Debian 12 version; unchanged in later
/// releases): a separable, antialiased convolution, per axis of input length n and output length m:
/// <code>
/// scale = n / m,  fs = max(scale, 1),  support = 2·fs,  kernel(x) = bicubic(x / fs)  with a = −0.5:
///     bicubic(x) = ((a + 2)|x| − (a + 3))·x² + 1          for |x| &lt; 1
///                = (((|x| − 5)|x| + 8)|x| − 4)·a           for 1 ≤ |x| &lt; 2,   0 beyond
/// output i:  center = (i + 0.5)·scale,  first = max(0, int(center − support + 0.5)),
///            last = min(n, int(center + support + 0.5))  (int() truncates; taps j = first … last − 1)
///            w_j = kernel(j − center + 0.5) / Σ_j kernel(j − center + 0.5)          (in double, in tap order)
///            k_j = int(w_j·2²² + 0.5) for w_j ≥ 0, int(w_j·2²² − 0.5) for w_j &lt; 0   (PRECISION_BITS = 32 − 8 − 2 = 22)
///            out_i = clamp((2²¹ + Σ_j in_j·k_j) >> 22, 0, 255)                        (int arithmetic, per channel)
/// </code>
/// The horizontal pass runs first, into an 8-bit intermediate holding only the source rows the vertical pass reads;
/// then the vertical pass over it. An axis whose length does not change is not resampled (Pillow skips that pass; its
/// coefficients would be the identity anyway). Coefficients are computed once per call and axis, only for the output
/// rows and columns asked for, so a window of the resized image costs what the window needs and equals the same
/// window cut from the whole resized image (the tests check both against PIL).
/// </remarks>
public static class PillowBicubic
{
    /// <summary>Bits of the fixed-point coefficients (Pillow's PRECISION_BITS).</summary>
    public const int PrecisionBits = 32 - 8 - 2;

    private const int Channels = RgbImage.Channels;

    /// <summary>Resizes the whole <paramref name="sw"/> × <paramref name="sh"/> image to <paramref name="dw"/> × <paramref name="dh"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span is shorter than width * height * 3.</exception>
    public static void Resize(ReadOnlySpan<byte> src, int sw, int sh, Span<byte> dst, int dw, int dh) =>
        ResizeWindow(src, sw, sh, dw, dh, 0, 0, dst, dw, dh);

    /// <summary>
    /// The <paramref name="windowWidth"/> × <paramref name="windowHeight"/> window at (<paramref name="left"/>,
    /// <paramref name="top"/>) of the image resized to <paramref name="dw"/> × <paramref name="dh"/>, zero where the
    /// window lies outside it (as PIL's <c>crop</c> fills). The window may start at negative coordinates.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span is shorter than width * height * 3.</exception>
    public static void ResizeWindow(
        ReadOnlySpan<byte> src, int sw, int sh, int dw, int dh, int left, int top, Span<byte> dst, int windowWidth, int windowHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sh);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dw);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dh);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowHeight);
        if (src.Length < (long)sw * sh * Channels)
        {
            throw new ArgumentException($"Source is shorter than {sw}x{sh}x{Channels}.", nameof(src));
        }

        var windowStride = windowWidth * Channels;
        if (dst.Length < (long)windowStride * windowHeight)
        {
            throw new ArgumentException($"Destination is shorter than {windowWidth}x{windowHeight}x{Channels}.", nameof(dst));
        }

        dst[..(windowStride * windowHeight)].Clear();
        var (x0, x1) = (Math.Max(left, 0), (int)Math.Min((long)left + windowWidth, dw));
        var (y0, y1) = (Math.Max(top, 0), (int)Math.Min((long)top + windowHeight, dh));
        if (x0 >= x1 || y0 >= y1)
        {
            return;
        }

        using var columns = new AxisCoefficients(sw, dw, x0, x1);
        using var rows = new AxisCoefficients(sh, dh, y0, y1);

        // Source rows the vertical pass reads (all of them when no vertical pass: then row y is source row y).
        var (firstRow, endRow) = dh == sh ? (y0, y1) : rows.SourceRange();
        var width = x1 - x0;
        var stride = width * Channels;
        var temp = ArrayPool<byte>.Shared.Rent(stride * (endRow - firstRow));
        try
        {
            var horizontal = temp.AsSpan(0, stride * (endRow - firstRow));
            for (var y = firstRow; y < endRow; y++)
            {
                var line = src.Slice(y * sw * Channels, sw * Channels);
                var outLine = horizontal.Slice((y - firstRow) * stride, stride);
                if (dw == sw)
                {
                    line.Slice(x0 * Channels, stride).CopyTo(outLine);
                }
                else
                {
                    Horizontal(line, columns, outLine);
                }
            }

            for (var y = y0; y < y1; y++)
            {
                var outLine = dst.Slice(((y - top) * windowStride) + ((x0 - left) * Channels), stride);
                if (dh == sh)
                {
                    horizontal.Slice((y - firstRow) * stride, stride).CopyTo(outLine);
                }
                else
                {
                    Vertical(horizontal, stride, firstRow, rows, y - y0, outLine);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(temp);
        }
    }

    /// <summary>Pillow's bicubic filter (a = −0.5, support 2).</summary>
    private static double Bicubic(double x)
    {
        const double a = -0.5;
        if (x < 0.0)
        {
            x = -x;
        }

        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1;
        }

        return x < 2.0 ? ((((((x - 5) * x) + 8) * x) - 4) * a) : 0.0;
    }

    /// <summary>The 8-bit result of one fixed-point sum: clamp(sum >> 22, 0, 255).</summary>
    private static byte Clip8(int sum) => (byte)Math.Clamp(sum >> PrecisionBits, 0, 255);

    private static void Horizontal(ReadOnlySpan<byte> line, AxisCoefficients columns, Span<byte> outLine)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var (first, count) = columns.Bounds(i);
            var k = columns.Weights(i)[..count];
            var taps = line.Slice(first * Channels, count * Channels);
            int r = 1 << (PrecisionBits - 1), g = r, b = r;
            for (var j = 0; j < k.Length; j++)
            {
                r += taps[j * Channels] * k[j];
                g += taps[(j * Channels) + 1] * k[j];
                b += taps[(j * Channels) + 2] * k[j];
            }

            outLine[i * Channels] = Clip8(r);
            outLine[(i * Channels) + 1] = Clip8(g);
            outLine[(i * Channels) + 2] = Clip8(b);
        }
    }

    /// <summary>Output row <paramref name="row"/> (relative to the window's first) from the intermediate rows.</summary>
    private static void Vertical(ReadOnlySpan<byte> horizontal, int stride, int firstRow, AxisCoefficients rows, int row, Span<byte> outLine)
    {
        var (first, count) = rows.Bounds(row);
        var k = rows.Weights(row)[..count];
        var top = (first - firstRow) * stride;
        for (var x = 0; x < stride; x++)
        {
            var sum = 1 << (PrecisionBits - 1);
            for (var j = 0; j < k.Length; j++)
            {
                sum += horizontal[top + (j * stride) + x] * k[j];
            }

            outLine[x] = Clip8(sum);
        }
    }

    /// <summary>The fixed-point taps of output indices [from, to) of one axis (pooled buffers).</summary>
    private sealed class AxisCoefficients : IDisposable
    {
        private readonly int[] _bounds;
        private readonly int[] _weights;
        private readonly int _ksize;

        public AxisCoefficients(int inSize, int outSize, int from, int to)
        {
            Count = to - from;
            var scale = (double)inSize / outSize;
            var filterScale = Math.Max(scale, 1.0);
            var support = 2.0 * filterScale;
            _ksize = ((int)Math.Ceiling(support) * 2) + 1;
            _bounds = ArrayPool<int>.Shared.Rent(2 * Count);
            _weights = ArrayPool<int>.Shared.Rent(_ksize * Count);
            Span<double> w = _ksize <= 256 ? stackalloc double[_ksize] : new double[_ksize];
            var inverse = 1.0 / filterScale;
            for (var i = 0; i < Count; i++)
            {
                var center = (from + i + 0.5) * scale;
                var first = Math.Max((int)(center - support + 0.5), 0);
                var count = Math.Min((int)(center + support + 0.5), inSize) - first;
                var total = 0.0;
                for (var j = 0; j < count; j++)
                {
                    w[j] = Bicubic((first + j - center + 0.5) * inverse);
                    total += w[j];
                }

                var k = _weights.AsSpan(i * _ksize, _ksize);
                k.Clear();
                for (var j = 0; j < count; j++)
                {
                    var v = total != 0.0 ? w[j] / total : w[j];
                    k[j] = v < 0 ? (int)(-0.5 + (v * (1 << PrecisionBits))) : (int)(0.5 + (v * (1 << PrecisionBits)));
                }

                (_bounds[2 * i], _bounds[(2 * i) + 1]) = (first, Math.Max(count, 0));
            }
        }

        /// <summary>Output indices covered.</summary>
        public int Count { get; }

        public (int First, int Count) Bounds(int i) => (_bounds[2 * i], _bounds[(2 * i) + 1]);

        public ReadOnlySpan<int> Weights(int i) => _weights.AsSpan(i * _ksize, _ksize);

        /// <summary>[first, end) of the input indices any output reads (outputs' taps move monotonically).</summary>
        public (int First, int End) SourceRange() =>
            (_bounds[0], _bounds[(2 * (Count - 1))] + _bounds[(2 * (Count - 1)) + 1]);

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_bounds);
            ArrayPool<int>.Shared.Return(_weights);
        }
    }
}
