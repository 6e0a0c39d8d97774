using System.Numerics.Tensors;
using SadTalker.Inference.Rendering;

namespace SadTalker.Inference.Trust;

/// <summary>
/// Embeds a <see cref="WatermarkPayload"/> invisibly into every frame: a sum of smooth, frame-relative luma patterns
/// whose signs change per two-frame chip (see <see cref="WatermarkLayout"/>), about ±1-2 grey levels, weaker on flat
/// areas. Read back by <see cref="WatermarkDetector"/>.
/// </summary>
/// <remarks>
/// Per chip (two frames) the delta picture is
/// <code>
/// w(x, y) = m(x, y) · (A / √K) · Σ_k s_k · n_k · cos(π·fx_k·(x + ½)/W) · cos(π·fy_k·(y + ½)/H),   q = ⌊w + d(x, y)⌋
/// </code>
/// with w clipped to ±2A before the gain, the chip signs s_k, the texture gain m (from the first frame: 0.6 on flat areas up to 2 on textured ones,
/// by the luma standard deviation of 16-pixel blocks, eroded by one block and bilinearly interpolated), and the 4×4 Bayer dither d, which keeps
/// sub-grey-level amplitudes on average. The chip's first frame gets +q and its second −q on R, G and B (a pure luma
/// change). The delta is computed once per chip with separable rows (<see cref="TensorPrimitives"/> on rows laid out
/// as RGB); a frame then costs one saturating pass (<see cref="SaturatingDelta"/>) over the RGB buffer.
/// </remarks>
public sealed class InvisibleWatermarkFilter : IFrameFilter
{
    /// <summary>Default RMS amplitude A in grey levels (before the texture gain): about 44 dB PSNR.</summary>
    public const float DefaultStrength = 1.6f;

    private const int Block = 16;
    private const float MinGain = 0.6f;
    private const float MaxGain = 2f;
    private const float TextureScale = 12f;

    // The pattern sum is about Gaussian with RMS = strength; its rare peaks (frame corners, where every cosine is ±1)
    // are clipped to 2 RMS so no pixel changes by more than 2·2·strength (textured) or 2·0.6·strength (flat).
    private const float PeakGain = 2f;
    private static readonly byte[] Bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

    private readonly sbyte[] _signs;
    private readonly float _strength;
    private int _width, _height;
    private float[][] _x = [], _y = [];
    private float[][] _rows = [];
    private float[] _row = [];
    private float[] _mask = [];
    private float[] _dither = [];
    private sbyte[] _delta = [];
    private int _chip = -1;

    public InvisibleWatermarkFilter(WatermarkPayload payload, float strength = DefaultStrength)
    {
        if (!(strength is > 0 and <= 8))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be in (0, 8] grey levels.");
        }

        Payload = payload;
        _signs = WatermarkLayout.ChipSigns(payload);
        _strength = strength;
    }

    public WatermarkPayload Payload { get; }

    public void Begin(int width, int height, int frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        (_width, _height) = (width, height);
        _x = Axes(width, 3);
        _y = Axes(height, 1);
        _rows = Enumerable.Range(0, WatermarkLayout.MaxFrequency + 1).Select(_ => new float[width * 3]).ToArray();
        _row = new float[width * 3];
        _dither = Dither(width);
        _mask = [];
        var bytes = width * height * 3;
        _delta = new sbyte[bytes];
        _chip = -1;
    }

    public void Apply(Span<byte> rgb24, long frameIndex)
    {
        if (rgb24.Length != _delta.Length)
        {
            throw new ArgumentException($"Expected {_delta.Length} bytes (Begin's size), got {rgb24.Length}.", nameof(rgb24));
        }

        if (_mask.Length == 0)
        {
            _mask = Triple(TextureGain(rgb24, _width, _height));
        }

        var phase = (int)(frameIndex % WatermarkLayout.PeriodFrames);
        var chip = phase / 2;
        if (chip != _chip)
        {
            BuildDelta(chip);
            _chip = chip;
        }

        // First frame of a chip: + delta; second: − delta (saturating at 0 and 255).
        SaturatingDelta.Apply(rgb24, _delta, negate: phase % 2 == 1);
    }

    private void BuildDelta(int chip)
    {
        var amplitude = _strength / MathF.Sqrt(WatermarkLayout.PatternCount);
        foreach (var sum in _rows)
        {
            sum.AsSpan().Clear();
        }

        for (var k = 0; k < WatermarkLayout.PatternCount; k++)
        {
            var (fx, fy) = WatermarkLayout.Patterns[k];
            var gain = _signs[(chip * WatermarkLayout.PatternCount) + k] * amplitude * WatermarkLayout.Norm(fx, fy);
            TensorPrimitives.MultiplyAdd(_x[fx], gain, _rows[fy], _rows[fy]);
        }

        // Rows are in the RGB layout (each value three times), so every step is one vectorised span operation.
        var stride = _width * 3;
        var row = _row.AsSpan();
        var peak = PeakGain * _strength;
        for (var y = 0; y < _height; y++)
        {
            TensorPrimitives.Multiply(_rows[0], _y[0][y], row);
            for (var fy = 1; fy < _rows.Length; fy++)
            {
                TensorPrimitives.MultiplyAdd(_rows[fy], _y[fy][y], row, row);
            }

            TensorPrimitives.Min(row, peak, row);
            TensorPrimitives.Max(row, -peak, row);
            TensorPrimitives.Multiply(row, _mask.AsSpan(y * stride, stride), row);
            TensorPrimitives.Add(row, _dither.AsSpan((y & 3) * stride, stride), row);
            TensorPrimitives.Floor(row, row);
            SaturatingDelta.ToSByte(row, _delta.AsSpan(y * stride, stride)); // |row| ≤ 2·2·8 + 1 = 33 after the clip
        }
    }

    /// <summary>cos(π·f·(x + ½)/n) for f = 0..4, each value repeated for R, G and B.</summary>
    private static float[][] Axes(int length, int repeat) =>
        Enumerable.Range(0, WatermarkLayout.MaxFrequency + 1).Select(f =>
        {
            var axis = new float[length];
            WatermarkLayout.Axis(axis, f, 0);
            return repeat == 3 ? Triple(axis) : axis;
        }).ToArray();

    private static float[] Triple(float[] values)
    {
        var tripled = new float[values.Length * 3];
        for (var i = 0; i < values.Length; i++)
        {
            tripled[3 * i] = tripled[(3 * i) + 1] = tripled[(3 * i) + 2] = values[i];
        }

        return tripled;
    }

    /// <summary>(Bayer + ½)/16 for the four row phases, in the RGB layout.</summary>
    private static float[] Dither(int width)
    {
        var dither = new float[4 * width * 3];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < width * 3; x++)
            {
                dither[(y * width * 3) + x] = (Bayer[(y * 4) + ((x / 3) & 3)] + 0.5f) / 16f;
            }
        }

        return dither;
    }

    /// <summary>m(x, y): clamp(0.6 + σ/12, 0.6, 2) per 16-pixel block of luma, 3×3-block minimum, bilinearly interpolated.</summary>
    internal static float[] TextureGain(ReadOnlySpan<byte> rgb24, int width, int height)
    {
        var bw = (width + Block - 1) / Block;
        var bh = (height + Block - 1) / Block;
        var blocks = new float[bw * bh];
        for (var by = 0; by < bh; by++)
        {
            for (var bx = 0; bx < bw; bx++)
            {
                double sum = 0, squares = 0;
                var n = 0;
                for (var y = by * Block; y < Math.Min(height, (by + 1) * Block); y++)
                {
                    for (var x = bx * Block; x < Math.Min(width, (bx + 1) * Block); x++)
                    {
                        var i = ((y * width) + x) * 3;
                        var luma = ((rgb24[i] * 77) + (rgb24[i + 1] * 150) + (rgb24[i + 2] * 29)) >> 8;
                        sum += luma;
                        squares += luma * luma;
                        n++;
                    }
                }

                var sigma = Math.Sqrt(Math.Max(0, (squares / n) - ((sum / n) * (sum / n))));
                blocks[(by * bw) + bx] = Math.Clamp(MinGain + ((float)sigma / TextureScale), MinGain, MaxGain);
            }
        }

        // Each block takes the smallest gain of itself and its eight neighbours, so the interpolation never carries
        // a textured block's gain into a flat one beside it (flat pixels stay within 2·0.6·A of their value).
        var eroded = new float[blocks.Length];
        for (var by = 0; by < bh; by++)
        {
            for (var bx = 0; bx < bw; bx++)
            {
                var min = MaxGain;
                for (var y = Math.Max(0, by - 1); y <= Math.Min(bh - 1, by + 1); y++)
                {
                    for (var x = Math.Max(0, bx - 1); x <= Math.Min(bw - 1, bx + 1); x++)
                    {
                        min = Math.Min(min, blocks[(y * bw) + x]);
                    }
                }

                eroded[(by * bw) + bx] = min;
            }
        }

        blocks = eroded;
        var mask = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Clamp(((y + 0.5f) / Block) - 0.5f, 0, bh - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, bh - 1);
            var ty = fy - y0;
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Clamp(((x + 0.5f) / Block) - 0.5f, 0, bw - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, bw - 1);
                var tx = fx - x0;
                var top = blocks[(y0 * bw) + x0] + ((blocks[(y0 * bw) + x1] - blocks[(y0 * bw) + x0]) * tx);
                var bottom = blocks[(y1 * bw) + x0] + ((blocks[(y1 * bw) + x1] - blocks[(y1 * bw) + x0]) * tx);
                mask[(y * width) + x] = top + ((bottom - top) * ty);
            }
        }

        return mask;
    }
}
