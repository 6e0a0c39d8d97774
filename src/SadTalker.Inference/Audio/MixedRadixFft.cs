namespace SadTalker.Inference.Audio;

/// <summary>
/// Forward complex DFT of one fixed length, by mixed-radix Cooley–Tukey decimation in time: radix-4, -2 and -5
/// butterflies, and a generic one for any other prime factor. Immutable once built, so it may be shared between threads.
/// </summary>
/// <remarks>
/// <code>X[k] = Σ_{n=0}^{N-1} x[n] · exp(-2πi·k·n/N),  k = 0 .. N-1</code>
/// With N = p·m, the p sub-sequences x[q + p·j] are transformed first (length m, giving Y_q), then
/// <code>X[k + s·m] = Σ_q (W_N^{q·k} · Y_q[k]) · W_p^{q·s},  W_L = exp(-2πi/L)</code>
/// All arithmetic is double precision; twiddles come from a table per stage. The SadTalker STFT length
/// 800 = 4·4·2·5·5 takes five passes over the data instead of the 640 000 complex multiply-adds of a direct DFT.
/// </remarks>
internal sealed class MixedRadixFft
{
    // cos and sin of 2π/5 and 4π/5 for the radix-5 butterfly.
    private static readonly double C1 = Math.Cos(2 * Math.PI / 5);
    private static readonly double C2 = Math.Cos(4 * Math.PI / 5);
    private static readonly double S1 = Math.Sin(2 * Math.PI / 5);
    private static readonly double S2 = Math.Sin(4 * Math.PI / 5);

    private readonly int[] _factors;

    // Per stage f (sub-length n_f = p_f·m_f): W_{n_f}^{q·k} for q = 1..p−1, k = 0..m−1 at [(q−1)·m + k].
    private readonly double[][] _stageCos;
    private readonly double[][] _stageSin;

    // W_N^j for the generic butterfly.
    private readonly double[] _cos;
    private readonly double[] _sin;

    public MixedRadixFft(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        _factors = Factorize(length);
        _cos = new double[length];
        _sin = new double[length];
        for (var j = 0; j < length; j++)
        {
            // W_N^j = cos(2πj/N) − i·sin(2πj/N); stored as the two real parts.
            var angle = 2.0 * Math.PI * j / length;
            _cos[j] = Math.Cos(angle);
            _sin[j] = Math.Sin(angle);
        }

        _stageCos = new double[_factors.Length][];
        _stageSin = new double[_factors.Length][];
        var n = length;
        for (var f = 0; f < _factors.Length; f++)
        {
            var p = _factors[f];
            var m = n / p;
            var step = length / n;
            _stageCos[f] = new double[(p - 1) * m];
            _stageSin[f] = new double[(p - 1) * m];
            for (var q = 1; q < p; q++)
            {
                for (var k = 0; k < m; k++)
                {
                    // q·k < n, so q·k·(N/n) < N: no reduction needed.
                    _stageCos[f][((q - 1) * m) + k] = _cos[q * k * step];
                    _stageSin[f][((q - 1) * m) + k] = _sin[q * k * step];
                }
            }

            n = m;
        }
    }

    public int Length { get; }

    /// <summary>Transforms (re, im) into (outRe, outIm); input and output must be distinct arrays.</summary>
    /// <remarks>Arrays rather than spans: the kernel owns its buffers, and array indexing stays cheap in Debug builds too.</remarks>
    /// <exception cref="ArgumentException">An array is shorter than <see cref="Length"/>, or input and output overlap.</exception>
    public void Forward(double[] re, double[] im, double[] outRe, double[] outIm)
    {
        ArgumentNullException.ThrowIfNull(re);
        ArgumentNullException.ThrowIfNull(im);
        ArgumentNullException.ThrowIfNull(outRe);
        ArgumentNullException.ThrowIfNull(outIm);
        var n = Length;
        if (re.Length < n || im.Length < n || outRe.Length < n || outIm.Length < n)
        {
            throw new ArgumentException($"All four arrays need at least {n} elements.");
        }

        if (ReferenceEquals(re, outRe) || ReferenceEquals(re, outIm) || ReferenceEquals(im, outRe) || ReferenceEquals(im, outIm))
        {
            throw new ArgumentException("Input and output must be distinct arrays.");
        }

        Transform(new Buffers(re, im, outRe, outIm), n, 0, 1, 0, 0);
    }

    private void Transform(Buffers b, int n, int inOffset, int stride, int outOffset, int f)
    {
        var p = _factors[f];
        var m = n / p;
        if (m == 1)
        {
            for (var q = 0; q < p; q++)
            {
                b.OutRe[outOffset + q] = b.InRe[inOffset + (q * stride)];
                b.OutIm[outOffset + q] = b.InIm[inOffset + (q * stride)];
            }
        }
        else
        {
            for (var q = 0; q < p; q++)
            {
                Transform(b, m, inOffset + (q * stride), stride * p, outOffset + (q * m), f + 1);
            }
        }

        // Y_q[k] now sits at out[outOffset + q·m + k]; combine in place, one column k at a time.
        switch (p)
        {
            case 2:
                Radix2(b.OutRe, b.OutIm, m, outOffset, _stageCos[f], _stageSin[f]);
                break;
            case 4:
                Radix4(b.OutRe, b.OutIm, m, outOffset, _stageCos[f], _stageSin[f]);
                break;
            case 5:
                Radix5(b.OutRe, b.OutIm, m, outOffset, _stageCos[f], _stageSin[f]);
                break;
            default:
                RadixGeneric(b.OutRe, b.OutIm, p, m, outOffset, _stageCos[f], _stageSin[f]);
                break;
        }
    }

    private static void Radix2(double[] re, double[] im, int m, int offset, double[] wc, double[] ws)
    {
        for (var k = 0; k < m; k++)
        {
            int a = offset + k, b = a + m;
            double c = wc[k], s = ws[k];
            double r1 = (re[b] * c) + (im[b] * s), i1 = (im[b] * c) - (re[b] * s);
            double r0 = re[a], i0 = im[a];
            re[a] = r0 + r1;
            im[a] = i0 + i1;
            re[b] = r0 - r1;
            im[b] = i0 - i1;
        }
    }

    private static void Radix4(double[] re, double[] im, int m, int offset, double[] wc, double[] ws)
    {
        for (var k = 0; k < m; k++)
        {
            int a = offset + k, b = a + m, c = b + m, d = c + m;
            double c1 = wc[k], s1 = ws[k], c2 = wc[m + k], s2 = ws[m + k], c3 = wc[(2 * m) + k], s3 = ws[(2 * m) + k];
            double r0 = re[a], i0 = im[a];
            double r1 = (re[b] * c1) + (im[b] * s1), i1 = (im[b] * c1) - (re[b] * s1);
            double r2 = (re[c] * c2) + (im[c] * s2), i2 = (im[c] * c2) - (re[c] * s2);
            double r3 = (re[d] * c3) + (im[d] * s3), i3 = (im[d] * c3) - (re[d] * s3);

            // W_4 = −i:  X0 = t0+t1+t2+t3,  X1 = t0−i·t1−t2+i·t3,  X2 = t0−t1+t2−t3,  X3 = t0+i·t1−t2−i·t3.
            double sr02 = r0 + r2, si02 = i0 + i2, dr02 = r0 - r2, di02 = i0 - i2;
            double sr13 = r1 + r3, si13 = i1 + i3, dr13 = r1 - r3, di13 = i1 - i3;
            re[a] = sr02 + sr13;
            im[a] = si02 + si13;
            re[b] = dr02 + di13;
            im[b] = di02 - dr13;
            re[c] = sr02 - sr13;
            im[c] = si02 - si13;
            re[d] = dr02 - di13;
            im[d] = di02 + dr13;
        }
    }

    private static void Radix5(double[] re, double[] im, int m, int offset, double[] wc, double[] ws)
    {
        for (var k = 0; k < m; k++)
        {
            int x0 = offset + k, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m, x4 = x3 + m;
            double r0 = re[x0], i0 = im[x0];
            double c = wc[k], s = ws[k];
            double r1 = (re[x1] * c) + (im[x1] * s), i1 = (im[x1] * c) - (re[x1] * s);
            c = wc[m + k];
            s = ws[m + k];
            double r2 = (re[x2] * c) + (im[x2] * s), i2 = (im[x2] * c) - (re[x2] * s);
            c = wc[(2 * m) + k];
            s = ws[(2 * m) + k];
            double r3 = (re[x3] * c) + (im[x3] * s), i3 = (im[x3] * c) - (re[x3] * s);
            c = wc[(3 * m) + k];
            s = ws[(3 * m) + k];
            double r4 = (re[x4] * c) + (im[x4] * s), i4 = (im[x4] * c) - (re[x4] * s);

            // a = t1+t4, t2+t3 and b = t1−t4, t2−t3; W_5^q = cos(2πq/5) − i·sin(2πq/5):
            // X1,4 = t0 + C1·a1 + C2·a2 ∓ i·(S1·b1 + S2·b2),  X2,3 = t0 + C2·a1 + C1·a2 ∓ i·(S2·b1 − S1·b2).
            double ar1 = r1 + r4, ai1 = i1 + i4, br1 = r1 - r4, bi1 = i1 - i4;
            double ar2 = r2 + r3, ai2 = i2 + i3, br2 = r2 - r3, bi2 = i2 - i3;
            double pr1 = r0 + (C1 * ar1) + (C2 * ar2), pi1 = i0 + (C1 * ai1) + (C2 * ai2);
            double pr2 = r0 + (C2 * ar1) + (C1 * ar2), pi2 = i0 + (C2 * ai1) + (C1 * ai2);
            double ur1 = (S1 * br1) + (S2 * br2), ui1 = (S1 * bi1) + (S2 * bi2);
            double ur2 = (S2 * br1) - (S1 * br2), ui2 = (S2 * bi1) - (S1 * bi2);
            re[x0] = r0 + ar1 + ar2;
            im[x0] = i0 + ai1 + ai2;
            re[x1] = pr1 + ui1;
            im[x1] = pi1 - ur1;
            re[x4] = pr1 - ui1;
            im[x4] = pi1 + ur1;
            re[x2] = pr2 + ui2;
            im[x2] = pi2 - ur2;
            re[x3] = pr2 - ui2;
            im[x3] = pi2 + ur2;
        }
    }

    private void RadixGeneric(double[] re, double[] im, int p, int m, int offset, double[] wc, double[] ws)
    {
        Span<double> tRe = p <= 64 ? stackalloc double[p] : new double[p];
        Span<double> tIm = p <= 64 ? stackalloc double[p] : new double[p];
        var rootStep = Length / p;
        for (var k = 0; k < m; k++)
        {
            tRe[0] = re[offset + k];
            tIm[0] = im[offset + k];
            for (var q = 1; q < p; q++)
            {
                var index = offset + (q * m) + k;
                double c = wc[((q - 1) * m) + k], s = ws[((q - 1) * m) + k];
                tRe[q] = (re[index] * c) + (im[index] * s);
                tIm[q] = (im[index] * c) - (re[index] * s);
            }

            for (var u = 0; u < p; u++)
            {
                double sumRe = tRe[0], sumIm = tIm[0];
                for (var q = 1; q < p; q++)
                {
                    // W_p^{q·u} = W_N^{(q·u mod p)·N/p}
                    var j = q * u % p * rootStep;
                    sumRe += (tRe[q] * _cos[j]) + (tIm[q] * _sin[j]);
                    sumIm += (tIm[q] * _cos[j]) - (tRe[q] * _sin[j]);
                }

                re[offset + (u * m) + k] = sumRe;
                im[offset + (u * m) + k] = sumIm;
            }
        }
    }

    /// <summary>Radix order: 4s first, then a remaining 2, then odd primes ascending.</summary>
    private static int[] Factorize(int n)
    {
        var factors = new List<int>();
        while (n % 4 == 0)
        {
            factors.Add(4);
            n /= 4;
        }

        if (n % 2 == 0)
        {
            factors.Add(2);
            n /= 2;
        }

        for (var p = 3; n > 1; p += 2)
        {
            if ((long)p * p > n)
            {
                p = n;
            }

            while (n % p == 0)
            {
                factors.Add(p);
                n /= p;
            }
        }

        if (factors.Count == 0)
        {
            factors.Add(1);
        }

        return [.. factors];
    }

    private readonly record struct Buffers(double[] InRe, double[] InIm, double[] OutRe, double[] OutIm);
}
