namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>
/// Savitzky–Golay smoothing along time with scipy's <c>mode='interp'</c> edges, as SadTalker smooths the head pose
/// (sadtalker-facts.md §6: window 13, order 2, all 6 pose dims).
/// </summary>
/// <remarks>
/// With window W = 2m+1 and order p, let V be the W×(p+1) Vandermonde matrix V[i,k] = (i−m)^k and
/// H = V (VᵀV)⁻¹ Vᵀ the least-squares "hat" matrix (row i evaluates the fitted polynomial at sample i). Then
/// <code>
/// y[t] = Σ_i H[m, i] · x[t−m+i]              for m ≤ t &lt; T−m   (interior: weights (25 − j²)/143 for W=13, p=2)
/// y[t] = Σ_i H[t, i] · x[i]                  for t &lt; m         (polynomial fitted to the first W samples)
/// y[t] = Σ_i H[t−T+W, i] · x[T−W+i]          for t ≥ T−m       (fitted to the last W samples)
/// </code>
/// computed in double. Data is (T, channels) row-major; each channel is smoothed independently.
/// </remarks>
public static class SavitzkyGolay
{
    /// <summary>SadTalker's window (§6).</summary>
    public const int PoseWindow = 13;

    /// <summary>SadTalker's polynomial order (§6).</summary>
    public const int PoseOrder = 2;

    /// <summary>
    /// The window SadTalker uses for <paramref name="frames"/> frames: 13, or the largest odd number ≤ T when shorter.
    /// Returns 0 when that window is not larger than the order (T ≤ 2): the reference's scipy call would raise there;
    /// here the pose is left unsmoothed.
    /// </summary>
    public static int PoseWindowFor(int frames)
    {
        var window = frames >= PoseWindow ? PoseWindow : ((frames - 1) / 2 * 2) + 1;
        return window > PoseOrder ? window : 0;
    }

    /// <summary>Smooths <paramref name="source"/> (T × <paramref name="channels"/>) into <paramref name="destination"/>.</summary>
    public static void Smooth(ReadOnlySpan<float> source, int channels, int window, int order, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (window % 2 == 0 || window <= order || order < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The window must be odd and larger than the order ({order}).");
        }

        if (source.Length % channels != 0 || destination.Length != source.Length)
        {
            throw new ArgumentException($"Source ({source.Length}) must be whole rows of {channels} and match the destination ({destination.Length}).");
        }

        var frames = source.Length / channels;
        if (frames < window)
        {
            throw new ArgumentException($"{frames} frames are fewer than the window {window}.", nameof(source));
        }

        var hat = HatMatrix(window, order);
        var m = window / 2;
        for (var t = 0; t < frames; t++)
        {
            var (row, start) = t < m ? (t, 0) : t >= frames - m ? (t - frames + window, frames - window) : (m, t - m);
            for (var c = 0; c < channels; c++)
            {
                double sum = 0;
                for (var i = 0; i < window; i++)
                {
                    sum += hat[(row * window) + i] * source[((start + i) * channels) + c];
                }

                destination[(t * channels) + c] = (float)sum;
            }
        }
    }

    /// <summary>H = V (VᵀV)⁻¹ Vᵀ, row-major W×W.</summary>
    internal static double[] HatMatrix(int window, int order)
    {
        var n = order + 1;
        var m = window / 2;
        var v = new double[window, n];
        for (var i = 0; i < window; i++)
        {
            for (var k = 0; k < n; k++)
            {
                v[i, k] = Math.Pow(i - m, k);
            }
        }

        // Invert the (p+1)×(p+1) Gram matrix VᵀV by Gauss-Jordan.
        var g = new double[n, 2 * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                for (var i = 0; i < window; i++)
                {
                    g[r, c] += v[i, r] * v[i, c];
                }
            }

            g[r, n + r] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = g[col, col];
            for (var c = 0; c < 2 * n; c++)
            {
                g[col, c] /= pivot;
            }

            for (var r = 0; r < n; r++)
            {
                if (r != col)
                {
                    var f = g[r, col];
                    for (var c = 0; c < 2 * n; c++)
                    {
                        g[r, c] -= f * g[col, c];
                    }
                }
            }
        }

        var hat = new double[window * window];
        for (var a = 0; a < window; a++)
        {
            for (var b = 0; b < window; b++)
            {
                double sum = 0;
                for (var r = 0; r < n; r++)
                {
                    for (var c = 0; c < n; c++)
                    {
                        sum += v[a, r] * g[r, n + c] * v[b, c];
                    }
                }

                hat[(a * window) + b] = sum;
            }
        }

        return hat;
    }
}
