using System.Numerics.Tensors;

namespace SadTalker.Inference.Trust;

/// <summary>
/// The detector's working data: for every crop hypothesis, parity and pattern, the two-frame differences of the
/// frames' pattern projections, divided by their spread. Pilot scores and soft bits are sums over these.
/// </summary>
internal sealed class ProjectionSet
{
    private const int N = WatermarkDetector.Size;

    // Per-pixel clip of a two-frame difference, in grey levels: the mark changes a pixel by a few levels, while motion
    // edges change it by tens; clipping keeps the mark and caps what motion can add to a projection.
    private const float PixelClip = 4f;
    private const float ClipSigma = 3f;
    private readonly int _frames;
    private readonly int _crops;
    private readonly int _patterns = WatermarkLayout.PatternCount;

    // [h][parity][k][pair] = d / σ, and σ per [h][k].
    private readonly float[][][][] _normalised;
    private readonly float[][] _sigma;
    private readonly (int Pattern, sbyte Sign)[][] _pilots;
    private readonly (int Pattern, short Bit, sbyte Sign)[][] _data;

    public ProjectionSet(ReadOnlySpan<float> grey, int frames, IReadOnlyList<double> crops)
    {
        _frames = frames;
        _crops = crops.Count;
        var axes = Axes(crops);
        var projections = Project(grey, frames, axes);
        _normalised = new float[Hypotheses][][][];
        _sigma = new float[Hypotheses][];
        for (var h = 0; h < Hypotheses; h++)
        {
            _sigma[h] = new float[_patterns];
            _normalised[h] = new float[2][][];
            for (var parity = 0; parity < 2; parity++)
            {
                var pairs = Math.Max(0, (frames - parity) / 2);
                _normalised[h][parity] = new float[_patterns][];
                for (var k = 0; k < _patterns; k++)
                {
                    var d = new float[pairs];
                    var p = projections[h][k];
                    for (var i = 0; i < pairs; i++)
                    {
                        d[i] = p[(2 * i) + parity];
                    }

                    _normalised[h][parity][k] = d;
                }
            }

            for (var k = 0; k < _patterns; k++)
            {
                // Robust spread (median absolute value · 1.4826), then a clip at ±3σ: pairs with large head or mouth
                // motion weigh no more than three typical ones.
                var all = _normalised[h][0][k].Concat(_normalised[h][1][k]).Select(MathF.Abs).Order().ToArray();
                var sigma = all.Length > 0 ? 1.4826f * all[all.Length / 2] : 1;
                _sigma[h][k] = sigma > 1e-6f ? sigma : 1e-6f;
                for (var parity = 0; parity < 2; parity++)
                {
                    var d = _normalised[h][parity][k];
                    TensorPrimitives.Divide(d, _sigma[h][k], d);
                    TensorPrimitives.Min(d, ClipSigma, d);
                    TensorPrimitives.Max(d, -ClipSigma, d);
                }
            }
        }

        (_pilots, _data) = SlotsByChip();
    }

    public int Hypotheses => _crops * _crops;

    /// <summary>z = Σ pilot sign · d/σ / √n at hypothesis <paramref name="h"/> and time offset <paramref name="offset"/>.</summary>
    public double PilotScore(int h, int offset)
    {
        var parity = offset & 1;
        var columns = _normalised[h][parity];
        var pairs = columns[0].Length;
        double sum = 0;
        var n = 0;
        for (var i = 0; i < pairs; i++)
        {
            var chip = (((2 * i) + parity + offset) % WatermarkLayout.PeriodFrames) / 2;
            foreach (var (k, sign) in _pilots[chip])
            {
                sum += sign * columns[k][i];
                n++;
            }
        }

        return n > 0 ? sum / Math.Sqrt(n) : 0;
    }

    /// <summary>Soft coded bits (positive = 0): Σ scramble · d/σ² over each bit's chips.</summary>
    public float[] SoftBits(int h, int offset)
    {
        var parity = offset & 1;
        var columns = _normalised[h][parity];
        var soft = new float[WatermarkCode.CodedBits];
        for (var i = 0; i < columns[0].Length; i++)
        {
            var chip = (((2 * i) + parity + offset) % WatermarkLayout.PeriodFrames) / 2;
            foreach (var (k, bit, sign) in _data[chip])
            {
                soft[bit] += sign * columns[k][i] / _sigma[h][k];
            }
        }

        return soft;
    }

    /// <summary>axes[crop][f] = zero-mean cos(π·f·u) on the 64-sample grid seen through that crop (f = 0: all ones).</summary>
    private static float[][][] Axes(IReadOnlyList<double> crops) =>
        crops.Select(crop => Enumerable.Range(0, WatermarkLayout.MaxFrequency + 1).Select(f =>
        {
            var axis = new float[N];
            WatermarkLayout.Axis(axis, f, crop);
            if (f > 0)
            {
                TensorPrimitives.Subtract(axis, TensorPrimitives.Sum(axis) / N, axis);
            }

            return axis;
        }).ToArray()).ToArray();

    /// <summary>
    /// projections[h][k][t] of the clipped difference of frames t and t+1: separable, first along rows for every
    /// (crop x, fx), then along columns.
    /// </summary>
    private float[][][] Project(ReadOnlySpan<float> grey, int frames, float[][][] axes)
    {
        var result = new float[Hypotheses][][];
        for (var h = 0; h < Hypotheses; h++)
        {
            result[h] = new float[_patterns][];
            for (var k = 0; k < _patterns; k++)
            {
                result[h][k] = new float[frames];
            }
        }

        var frequencies = WatermarkLayout.MaxFrequency + 1;
        var image = new float[N * N];
        var rows = new float[_crops * frequencies * N]; // [cx][fx][y]
        for (var t = 0; t + 1 < frames; t++)
        {
            TensorPrimitives.Subtract(grey.Slice(t * N * N, N * N), grey.Slice((t + 1) * N * N, N * N), image);
            TensorPrimitives.Min(image, PixelClip, image);
            TensorPrimitives.Max(image, -PixelClip, image);

            for (var cx = 0; cx < _crops; cx++)
            {
                for (var fx = 0; fx < frequencies; fx++)
                {
                    var basis = axes[cx][fx];
                    var target = rows.AsSpan(((cx * frequencies) + fx) * N, N);
                    for (var y = 0; y < N; y++)
                    {
                        target[y] = TensorPrimitives.Dot(image.AsSpan(y * N, N), basis);
                    }
                }
            }

            for (var cx = 0; cx < _crops; cx++)
            {
                for (var cy = 0; cy < _crops; cy++)
                {
                    var h = (cx * _crops) + cy;
                    for (var k = 0; k < _patterns; k++)
                    {
                        var (fx, fy) = WatermarkLayout.Patterns[k];
                        result[h][k][t] = TensorPrimitives.Dot(rows.AsSpan(((cx * frequencies) + fx) * N, N), axes[cy][fy]);
                    }
                }
            }
        }

        return result;
    }

    private static ((int, sbyte)[][] Pilots, (int, short, sbyte)[][] Data) SlotsByChip()
    {
        var pilots = new (int, sbyte)[WatermarkLayout.ChipTimes][];
        var data = new (int, short, sbyte)[WatermarkLayout.ChipTimes][];
        for (var chip = 0; chip < WatermarkLayout.ChipTimes; chip++)
        {
            var p = new List<(int, sbyte)>();
            var d = new List<(int, short, sbyte)>();
            for (var k = 0; k < WatermarkLayout.PatternCount; k++)
            {
                var slot = (chip * WatermarkLayout.PatternCount) + k;
                var bit = WatermarkLayout.SlotBit[slot];
                if (bit < 0)
                {
                    p.Add((k, WatermarkLayout.SlotSign[slot]));
                }
                else
                {
                    d.Add((k, bit, WatermarkLayout.SlotSign[slot]));
                }
            }

            (pilots[chip], data[chip]) = (p.ToArray(), d.ToArray());
        }

        return (pilots, data);
    }
}
