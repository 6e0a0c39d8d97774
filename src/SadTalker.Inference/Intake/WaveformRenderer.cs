using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>Draws an audio waveform (one min/max bar per pixel column) into an RGB24 buffer.</summary>
public static class WaveformRenderer
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 120;

    // REVIEW: fixed colours (slate-50 background, blue-600 wave); theme them in the UI if it ever needs dark mode.
    private static ReadOnlySpan<byte> Background => [248, 250, 252];

    private static ReadOnlySpan<byte> Wave => [37, 99, 235];

    /// <summary>Splits <paramref name="samples"/> into <c>minima.Length</c> equal columns and stores each column's extremes.</summary>
    /// <remarks>
    /// For W columns and N samples, column x covers samples [floor(x * N / W), floor((x + 1) * N / W)). When N &lt; W a
    /// column can be empty; it then takes the single sample at floor(x * N / W), so the picture stretches instead of
    /// leaving gaps. No samples at all gives 0 for every column. Levels are not normalized: quiet audio looks quiet.
    /// </remarks>
    /// <exception cref="ArgumentException">The two destination spans differ in length.</exception>
    public static void ComputePeaks(ReadOnlySpan<short> samples, Span<short> minima, Span<short> maxima)
    {
        if (minima.Length != maxima.Length)
        {
            throw new ArgumentException("Minima and maxima must have the same length.", nameof(maxima));
        }

        var columns = minima.Length;
        long n = samples.Length;
        for (var x = 0; x < columns; x++)
        {
            if (n == 0)
            {
                minima[x] = maxima[x] = 0;
                continue;
            }

            var start = (int)(x * n / columns);
            var end = Math.Max(start + 1, (int)((x + 1) * n / columns));
            short lo = short.MaxValue, hi = short.MinValue;
            foreach (var s in samples[start..end])
            {
                lo = Math.Min(lo, s);
                hi = Math.Max(hi, s);
            }

            minima[x] = lo;
            maxima[x] = hi;
        }
    }

    /// <summary>
    /// <see cref="ComputePeaks(ReadOnlySpan{short}, Span{short}, Span{short})"/> over <paramref name="sampleCount"/>
    /// little-endian 16-bit samples read from <paramref name="pcm"/> in fixed-size chunks: the same columns, in
    /// constant memory whatever the length.
    /// </summary>
    public static async Task ComputePeaksAsync(Stream pcm, long sampleCount, short[] minima, short[] maxima, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pcm);
        if (minima.Length != maxima.Length)
        {
            throw new ArgumentException("Minima and maxima must have the same length.", nameof(maxima));
        }

        var columns = minima.Length;
        if (sampleCount < columns)
        {
            // Short audio: columns repeat samples (see ComputePeaks); it all fits in a few kilobytes.
            var small = new byte[sampleCount * sizeof(short)];
            await pcm.ReadExactlyAsync(small, cancellationToken).ConfigureAwait(false);
            ComputePeaks(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(small), minima, maxima);
            return;
        }

        var buffer = new byte[128 * 1024];
        long index = 0;
        var x = 0;
        var end = sampleCount / columns;
        short lo = short.MaxValue, hi = short.MinValue;
        int read;
        while (index < sampleCount && (read = await pcm.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, read & ~1));
            foreach (var s in chunk)
            {
                if (index >= sampleCount)
                {
                    break;
                }

                lo = Math.Min(lo, s);
                hi = Math.Max(hi, s);
                index++;
                if (index == end)
                {
                    (minima[x], maxima[x]) = (lo, hi);
                    (lo, hi) = (short.MaxValue, short.MinValue);
                    x++;
                    end = x < columns ? (x + 1) * sampleCount / columns : long.MaxValue;
                }
            }

            if ((read & 1) != 0)
            {
                throw new InvalidDataException("PCM data ended in the middle of a sample.");
            }
        }
    }

    /// <summary>Fills the <paramref name="width"/> x <paramref name="height"/> RGB24 <paramref name="destination"/>:
    /// background, then in column x a bar from row y(maxima[x]) down to row y(minima[x]).</summary>
    /// <remarks>y(v) = round((1 - v / 32768) * (height - 1) / 2), so full scale spans the height and silence is the middle row.</remarks>
    /// <exception cref="ArgumentException">Fewer than <paramref name="width"/> peaks, or the destination is too short.</exception>
    public static void Draw(ReadOnlySpan<short> minima, ReadOnlySpan<short> maxima, Span<byte> destination, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (minima.Length < width || maxima.Length < width)
        {
            throw new ArgumentException($"Need {width} minima and maxima.", nameof(minima));
        }

        var stride = width * RgbImage.Channels;
        if (destination.Length < (long)stride * height)
        {
            throw new ArgumentException($"Destination is shorter than {width}x{height}x{RgbImage.Channels}.", nameof(destination));
        }

        for (var i = 0; i < width * height; i++)
        {
            Background.CopyTo(destination[(i * RgbImage.Channels)..]);
        }

        for (var x = 0; x < width; x++)
        {
            int top = Row(Math.Max(minima[x], maxima[x]), height), bottom = Row(Math.Min(minima[x], maxima[x]), height);
            for (var y = top; y <= bottom; y++)
            {
                Wave.CopyTo(destination[((y * stride) + (x * RgbImage.Channels))..]);
            }
        }
    }

    /// <summary>Renders <paramref name="samples"/> as a new image using <see cref="ComputePeaks"/> and <see cref="Draw"/>.</summary>
    public static RgbImage Render(ReadOnlySpan<short> samples, int width = DefaultWidth, int height = DefaultHeight)
    {
        var image = new RgbImage(width, height);
        var minima = new short[width];
        var maxima = new short[width];
        ComputePeaks(samples, minima, maxima);
        Draw(minima, maxima, image.Span, width, height);
        return image;
    }

    private static int Row(short value, int height) =>
        (int)Math.Round((1 - (value / 32768.0)) * (height - 1) / 2, MidpointRounding.AwayFromZero);
}
