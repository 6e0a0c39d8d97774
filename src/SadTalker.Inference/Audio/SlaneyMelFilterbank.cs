namespace SadTalker.Inference.Audio;

/// <summary>
/// Triangular mel filters on the Slaney (Auditory Toolbox) mel scale with Slaney area normalisation: the
/// filterbank librosa builds for <c>filters.mel(htk=False, norm='slaney')</c>, written from the formulas below.
/// </summary>
/// <remarks>
/// Slaney mel scale (linear below 1 kHz, logarithmic above):
/// <code>
/// mel(f) = 3·f/200                              for f &lt; 1000 Hz
///        = 15 + ln(f/1000) / (ln(6.4)/27)       for f ≥ 1000 Hz
/// </code>
/// Band edges e_0 .. e_{M+1} are M+2 points equally spaced in mel between mel(fmin) and mel(fmax), mapped back to Hz.
/// FFT bin k sits at f_k = k·sampleRate/nFft. Band m (0-based) is
/// <code>
/// w[m, k] = max(0, min((f_k − e_m)/(e_{m+1} − e_m), (e_{m+2} − f_k)/(e_{m+2} − e_{m+1}))) · 2/(e_{m+2} − e_m)
/// </code>
/// computed in double and stored as float32, as librosa does.
/// </remarks>
public static class SlaneyMelFilterbank
{
    private const double LinearHzPerMel = 200.0 / 3.0;
    private const double LogStartHz = 1000.0;
    private const double LogStartMel = LogStartHz / LinearHzPerMel; // 15
    private static readonly double LogStepPerMel = Math.Log(6.4) / 27.0;

    /// <summary>Slaney mel value of a frequency in Hz.</summary>
    public static double HzToMel(double hz) =>
        hz >= LogStartHz ? LogStartMel + (Math.Log(hz / LogStartHz) / LogStepPerMel) : hz / LinearHzPerMel;

    /// <summary>Inverse of <see cref="HzToMel"/>.</summary>
    public static double MelToHz(double mel) =>
        mel >= LogStartMel ? LogStartHz * Math.Exp(LogStepPerMel * (mel - LogStartMel)) : mel * LinearHzPerMel;

    /// <summary>Fills <paramref name="destination"/> with its length of points equally spaced in mel, in Hz.</summary>
    /// <remarks>The points are mel(fmin) + i·(mel(fmax) − mel(fmin))/(count − 1), i = 0 .. count−1, converted back to Hz.</remarks>
    public static void MelFrequencies(double fmin, double fmax, Span<double> destination)
    {
        if (destination.Length < 2)
        {
            throw new ArgumentException("At least two points are needed.", nameof(destination));
        }

        double low = HzToMel(fmin), high = HzToMel(fmax);
        var step = (high - low) / (destination.Length - 1);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = MelToHz(low + (i * step));
        }
    }

    /// <summary>
    /// Writes the dense (bands × (nFft/2 + 1)) filter matrix, row-major, into <paramref name="destination"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or the frequency range is empty or above Nyquist.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void Create(int sampleRate, int nFft, int bands, double fmin, double fmax, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nFft);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bands);
        ArgumentOutOfRangeException.ThrowIfNegative(fmin);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fmax, fmin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fmax, sampleRate / 2.0);
        var bins = (nFft / 2) + 1;
        if (destination.Length < (long)bands * bins)
        {
            throw new ArgumentException($"Destination is shorter than {bands}x{bins}.", nameof(destination));
        }

        var edges = new double[bands + 2];
        MelFrequencies(fmin, fmax, edges);
        for (var m = 0; m < bands; m++)
        {
            double left = edges[m], centre = edges[m + 1], right = edges[m + 2];
            var norm = 2.0 / (right - left);
            var row = destination.Slice(m * bins, bins);
            for (var k = 0; k < bins; k++)
            {
                var f = (double)k * sampleRate / nFft;
                var rising = (f - left) / (centre - left);
                var falling = (right - f) / (right - centre);
                row[k] = (float)(Math.Max(0.0, Math.Min(rising, falling)) * norm);
            }
        }
    }
}
