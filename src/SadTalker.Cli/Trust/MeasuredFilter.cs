using System.Diagnostics;
using SadTalker.Inference.Rendering;

namespace SadTalker.Cli.Trust;

/// <summary>
/// Wraps a frame filter to measure it: time spent in it, and per frame the PSNR of the filtered frame against the
/// frame as the engine made it, plus the largest change on flat areas (16-pixel blocks whose luma spread is under 2).
/// </summary>
internal sealed class MeasuredFilter(IFrameFilter inner) : IFrameFilter
{
    private const int Block = 16;
    private readonly Stopwatch _time = new();
    private readonly Stopwatch _total = new();
    private byte[] _before = [];
    private bool[] _flat = [];
    private int _width;

    /// <summary>Time inside the wrapped filter.</summary>
    public TimeSpan Elapsed => _time.Elapsed;

    /// <summary>Time inside this wrapper, measuring included: subtract it to get the render time without any filter.</summary>
    public TimeSpan TotalElapsed => _total.Elapsed;

    public double MinPsnr { get; private set; } = double.PositiveInfinity;

    public double SumPsnr { get; private set; }

    public long Frames { get; private set; }

    /// <summary>Largest |change| of a channel on a flat block, in grey levels.</summary>
    public int MaxFlatChange { get; private set; }

    public void Begin(int width, int height, int frameCount)
    {
        _total.Start();
        _time.Start();
        inner.Begin(width, height, frameCount);
        _time.Stop();
        _width = width;
        _before = new byte[width * height * 3];
        _flat = [];
        _total.Stop();
    }

    public void Apply(Span<byte> rgb24, long frameIndex)
    {
        _total.Start();
        rgb24.CopyTo(_before);
        if (_flat.Length == 0)
        {
            _flat = FlatPixels(rgb24, _width, rgb24.Length / 3 / _width);
        }

        _time.Start();
        inner.Apply(rgb24, frameIndex);
        _time.Stop();
        long squares = 0;
        for (var i = 0; i < rgb24.Length; i++)
        {
            var d = rgb24[i] - _before[i];
            squares += d * d;
            if (d != 0 && _flat[i / 3])
            {
                MaxFlatChange = Math.Max(MaxFlatChange, Math.Abs(d));
            }
        }

        var psnr = squares == 0 ? 99 : 10 * Math.Log10(255.0 * 255 * rgb24.Length / squares);
        MinPsnr = Math.Min(MinPsnr, psnr);
        SumPsnr += psnr;
        Frames++;
        _total.Stop();
    }

    private static bool[] FlatPixels(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var flat = new bool[width * height];
        for (var by = 0; by + Block <= height; by += Block)
        {
            for (var bx = 0; bx + Block <= width; bx += Block)
            {
                int min = 255, max = 0;
                for (var y = by; y < by + Block; y++)
                {
                    for (var x = bx; x < bx + Block; x++)
                    {
                        var i = ((y * width) + x) * 3;
                        var luma = ((rgb[i] * 77) + (rgb[i + 1] * 150) + (rgb[i + 2] * 29)) >> 8;
                        (min, max) = (Math.Min(min, luma), Math.Max(max, luma));
                    }
                }

                if (max - min < 2)
                {
                    for (var y = by; y < by + Block; y++)
                    {
                        Array.Fill(flat, true, (y * width) + bx, Block);
                    }
                }
            }
        }

        return flat;
    }
}
