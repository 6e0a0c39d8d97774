using System.Security.Cryptography;
using SadTalker.Inference.Engines;

namespace SadTalker.Inference.Tests.Support;

/// <summary>
/// A test <see cref="IFrameSink"/> that keeps a hash of every frame and copies of a few small regions, instead of
/// whole frames (277 frames of 512² RGB would be 218 MB).
/// </summary>
internal sealed class FrameCapture(params PixelRect[] regions) : IFrameSink
{
    private readonly List<string> _hashes = [];
    private readonly List<byte[][]> _regions = [];

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int Announced { get; private set; }

    public int BeginCalls { get; private set; }

    public IReadOnlyList<string> Hashes => _hashes;

    /// <summary>First frame, whole (for looking at it or detecting the face in it).</summary>
    public byte[]? FirstFrame { get; private set; }

    /// <summary>Region <paramref name="region"/> of frame <paramref name="frame"/>.</summary>
    public byte[] Region(int frame, int region) => _regions[frame][region];

    public ValueTask BeginAsync(int width, int height, int frameCount, CancellationToken cancellationToken)
    {
        (Width, Height, Announced) = (width, height, frameCount);
        BeginCalls++;
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken)
    {
        Assert.Equal(Width * Height * 3, rgb24.Length);
        FirstFrame ??= rgb24.ToArray();
        _hashes.Add(Convert.ToHexString(SHA256.HashData(rgb24.Span)));
        _regions.Add(regions.Select(r => r.Copy(rgb24.Span, Width)).ToArray());
        return ValueTask.CompletedTask;
    }

    /// <summary>Mean absolute difference per byte between two equally sized buffers.</summary>
    public static double MeanAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Assert.Equal(a.Length, b.Length);
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return (double)sum / a.Length;
    }
}
