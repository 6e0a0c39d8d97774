using SadTalker.Inference.Audio;

namespace SadTalker.Inference.Tests.Audio;

/// <summary>
/// The scalar path the fast <see cref="MelSpectrogram"/> is compared against: the same formula with a direct O(N²)
/// DFT, a dense 80x401 filter product and no frame pairing, all in double.
/// </summary>
internal static class NaiveMelSpectrogram
{
    public static double[] Compute(ReadOnlySpan<float> samples)
    {
        const int n = MelSpectrogram.FftSize, bins = MelSpectrogram.FrequencyBins, bands = MelSpectrogram.MelBands;
        var frames = samples.Length / MelSpectrogram.SamplesPerFrame;
        var length = frames * MelSpectrogram.SamplesPerFrame;
        var steps = 1 + (length / MelSpectrogram.HopLength);

        var y = new double[length];
        for (var i = 0; i < length; i++)
        {
            y[i] = samples[i] - (i > 0 ? 0.97 * samples[i - 1] : 0.0);
        }

        var filters = new float[bands * bins];
        SlaneyMelFilterbank.Create(16000, n, bands, 55, 7600, filters);
        var output = new double[steps * bands];
        var frame = new double[n];
        var magnitude = new double[bins];
        for (var t = 0; t < steps; t++)
        {
            for (var j = 0; j < n; j++)
            {
                var index = (t * MelSpectrogram.HopLength) - (n / 2) + j;
                var window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * j / n));
                frame[j] = index >= 0 && index < length ? y[index] * window : 0.0;
            }

            var (re, im) = NaiveDft.Forward(frame, new double[n]);
            for (var k = 0; k < bins; k++)
            {
                magnitude[k] = Math.Sqrt((re[k] * re[k]) + (im[k] * im[k]));
            }

            for (var b = 0; b < bands; b++)
            {
                var mel = 0.0;
                for (var k = 0; k < bins; k++)
                {
                    mel += filters[(b * bins) + k] * magnitude[k];
                }

                var db = (20 * Math.Log10(Math.Max(1e-5, mel))) - 20;
                output[(t * bands) + b] = Math.Clamp((8 * (db + 100) / 100) - 4, -4, 4);
            }
        }

        return output;
    }
}
