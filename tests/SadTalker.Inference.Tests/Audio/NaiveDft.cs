namespace SadTalker.Inference.Tests.Audio;

/// <summary>X[k] = Σ x[n]·exp(−2πi·k·n/N) by the definition, with the angle reduced exactly (k·n mod N).</summary>
internal static class NaiveDft
{
    public static (double[] Re, double[] Im) Forward(double[] re, double[] im)
    {
        var n = re.Length;
        var outRe = new double[n];
        var outIm = new double[n];
        for (var k = 0; k < n; k++)
        {
            double sumRe = 0, sumIm = 0;
            for (var j = 0; j < n; j++)
            {
                var angle = 2 * Math.PI * ((long)k * j % n) / n;
                double c = Math.Cos(angle), s = Math.Sin(angle);
                sumRe += (re[j] * c) + (im[j] * s);
                sumIm += (im[j] * c) - (re[j] * s);
            }

            outRe[k] = sumRe;
            outIm[k] = sumIm;
        }

        return (outRe, outIm);
    }
}
