using System.Numerics.Tensors;

namespace SadTalker.Inference.Audio;

/// <summary>
/// Computes normalised mel rows (STFT frames) for <see cref="MelSpectrogram"/> and <see cref="AudioFeatureExtractor"/>.
/// Holds scratch buffers, so one instance serves one thread; the tables are shared and read-only.
/// </summary>
/// <remarks>
/// Steps are transformed two at a time: frame a goes in the real part and frame b in the imaginary part of one complex
/// FFT, and A[k] = (Z[k] + conj Z[N−k])/2, B[k] = (Z[k] − conj Z[N−k])/2i separate them again. Pairs always start at
/// the first step of a call and a lone last step is paired with zeros, so callers that always start on an even step
/// get bit-identical rows however they split the work (the streaming extractor relies on this).
/// </remarks>
internal sealed class MelStepKernel
{
    private const int N = MelSpectrogram.FftSize;
    private const int Bins = MelSpectrogram.FrequencyBins;
    private const int Bands = MelSpectrogram.MelBands;
    private const int Hop = MelSpectrogram.HopLength;
    private const int HalfWindow = N / 2;

    private static readonly MixedRadixFft Fft = new(N);
    private static readonly double[] Window = CreateWindow();
    private static readonly float[] Filters = CreateFilters();
    private static readonly (int Start, int Length)[] FilterSupport = FindSupport(Filters);

    private readonly double[] _re = new double[N];
    private readonly double[] _im = new double[N];
    private readonly double[] _outRe = new double[N];
    private readonly double[] _outIm = new double[N];
    private readonly float[] _magnitude = new float[Bins];

    /// <summary>
    /// Writes rows [<paramref name="firstStep"/>, firstStep + count) into <paramref name="destination"/> (count × 80).
    /// </summary>
    /// <param name="samples">Raw (not pre-emphasised) samples x[offset .. offset + samples.Length).</param>
    /// <param name="offset">Absolute index of samples[0].</param>
    /// <param name="length">L: samples at or after this index count as zero.</param>
    /// <exception cref="ArgumentException">A step needs a sample below <paramref name="length"/> that the span does not hold.</exception>
    public void ComputeSteps(
        ReadOnlySpan<float> samples, long offset, long length, int firstStep, int count, Span<float> destination)
    {
        if (destination.Length < (long)count * Bands)
        {
            throw new ArgumentException($"Destination is shorter than {count}x{Bands}.", nameof(destination));
        }

        for (var i = 0; i < count; i += 2)
        {
            var pair = Math.Min(2, count - i);
            Frame(samples, offset, length, firstStep + i, _re);
            if (pair == 2)
            {
                Frame(samples, offset, length, firstStep + i + 1, _im);
            }
            else
            {
                Array.Clear(_im);
            }

            Fft.Forward(_re, _im, _outRe, _outIm);
            Magnitude(first: true);
            Project(destination.Slice(i * Bands, Bands));
            if (pair == 2)
            {
                Magnitude(first: false);
                Project(destination.Slice((i + 1) * Bands, Bands));
            }
        }
    }

    /// <summary>frame[n] = y[hop·t − 400 + n] · w[n], with y the pre-emphasised signal, zero outside [0, length).</summary>
    private static void Frame(ReadOnlySpan<float> samples, long offset, long length, int step, Span<double> frame)
    {
        var origin = ((long)step * Hop) - HalfWindow;
        var from = Math.Max(origin, 0);
        var to = Math.Min(origin + N, length);
        frame.Clear();
        if (from >= to)
        {
            return;
        }

        // y[n] needs x[n−1] too, except y[0] (zero initial state).
        var firstNeeded = Math.Max(from - 1, 0);
        if (firstNeeded < offset || to > offset + samples.Length)
        {
            throw new ArgumentException(
                $"Step {step} needs samples [{firstNeeded}, {to}) but [{offset}, {offset + samples.Length}) were given.",
                nameof(samples));
        }

        var previous = from == 0 ? 0.0 : samples[(int)(from - 1 - offset)];
        for (var index = from; index < to; index++)
        {
            double current = samples[(int)(index - offset)];
            var n = (int)(index - origin);
            frame[n] = (current - (MelSpectrogram.PreEmphasis * previous)) * Window[n];
            previous = current;
        }
    }

    /// <summary>|A[k]| (first) or |B[k]| (second) of the two real frames packed into the last FFT.</summary>
    private void Magnitude(bool first)
    {
        for (var k = 0; k < Bins; k++)
        {
            var mirror = k == 0 ? 0 : N - k;
            double re, im;
            if (first)
            {
                re = _outRe[k] + _outRe[mirror];
                im = _outIm[k] - _outIm[mirror];
            }
            else
            {
                re = _outIm[k] + _outIm[mirror];
                im = _outRe[mirror] - _outRe[k];
            }

            _magnitude[k] = (float)(0.5 * Math.Sqrt((re * re) + (im * im)));
        }
    }

    /// <summary>Slaney mel projection, dB and symmetric normalisation of <see cref="_magnitude"/> into 80 values.</summary>
    private void Project(Span<float> row)
    {
        for (var b = 0; b < Bands; b++)
        {
            var (start, count) = FilterSupport[b];
            var mel = TensorPrimitives.Dot(
                new ReadOnlySpan<float>(Filters, (b * Bins) + start, count), new ReadOnlySpan<float>(_magnitude, start, count));
            row[b] = Normalize(mel);
        }
    }

    /// <summary>clip(8·(S + 100)/100 − 4, −4, 4) with S = 20·log10(max(1e−5, M)) − 20.</summary>
    internal static float Normalize(float mel)
    {
        var db = (20.0 * Math.Log10(Math.Max(1e-5, mel))) - 20.0;
        var max = (double)MelSpectrogram.MaxAbsValue;
        return (float)Math.Clamp((2 * max * ((db + 100.0) / 100.0)) - max, -max, max);
    }

    private static double[] CreateWindow()
    {
        // Periodic ("fftbins") Hann: scipy.signal.get_window('hann', 800, fftbins=True), which librosa.stft uses.
        var window = new double[N];
        for (var n = 0; n < N; n++)
        {
            window[n] = 0.5 - (0.5 * Math.Cos(2.0 * Math.PI * n / N));
        }

        return window;
    }

    private static float[] CreateFilters()
    {
        var filters = new float[Bands * Bins];
        SlaneyMelFilterbank.Create(
            MelSpectrogram.SampleRate, N, Bands, MelSpectrogram.MinFrequency, MelSpectrogram.MaxFrequency, filters);
        return filters;
    }

    private static (int Start, int Length)[] FindSupport(float[] filters)
    {
        // Each triangle covers a few bins; dotting only over them skips ~97 % of a dense 80x401 product.
        var support = new (int, int)[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var row = filters.AsSpan(b * Bins, Bins);
            var start = row.IndexOfAnyExcept(0f);
            support[b] = start < 0 ? (0, 0) : (start, row.LastIndexOfAnyExcept(0f) + 1 - start);
        }

        return support;
    }
}
