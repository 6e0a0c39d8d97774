using SadTalker.Inference.Imaging;
using SadTalker.Inference.Rendering;

namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>
/// Renders Studio Lite frames: the portrait everywhere, the face region re-sampled through <see cref="FaceWarpField"/>
/// each frame. All buffers are allocated once; a frame allocates nothing.
/// </summary>
/// <remarks>
/// The frame buffer starts as a copy of the portrait and only the field's rectangle is rewritten, so the rest of
/// the picture is the portrait bit for bit and costs nothing per frame. Not thread-safe: one render per instance.
/// </remarks>
internal sealed class FaceRenderer
{
    private readonly RgbImage _portrait;
    private readonly FaceWarpField _field;
    private readonly byte[] _frame;
    private readonly float[] _mapX, _mapY, _alpha, _shade;
    private readonly byte[] _paint;

    public FaceRenderer(RgbImage portrait, FaceGeometry face)
    {
        ArgumentNullException.ThrowIfNull(portrait);
        _portrait = portrait;
        _field = new FaceWarpField(face, portrait.Width, portrait.Height);
        _frame = (byte[])portrait.Pixels.Clone();
        var n = _field.Right - _field.Left;
        (_mapX, _mapY, _alpha, _shade) = (new float[n], new float[n], new float[n], new float[n]);
        _paint = new byte[n * RgbImage.Channels];
    }

    public int Width => _portrait.Width;

    public int Height => _portrait.Height;

    /// <summary>Renders one frame; the returned memory is overwritten by the next call.</summary>
    public ReadOnlyMemory<byte> Render(in FacePose pose)
    {
        _field.SetPose(pose);
        var stride = _portrait.Stride;
        var left = _field.Left;
        var n = _mapX.Length;
        for (var y = _field.Top; y < _field.Bottom; y++)
        {
            var overlay = _field.FillRow(y, left, _mapX, _mapY, _alpha, _paint, _shade);
            var row = _frame.AsSpan((y * stride) + (left * RgbImage.Channels), n * RgbImage.Channels);
            RemapKernel.BilinearRow(_portrait.Pixels, _portrait.Width, _portrait.Height, _mapX, _mapY, row);
            if (overlay)
            {
                Composite(row, _alpha, _paint, _shade);
            }
        }

        return _frame;
    }

    /// <summary>c = (c + α·(paint − c))·shade per channel.</summary>
    private static void Composite(Span<byte> row, ReadOnlySpan<float> alpha, ReadOnlySpan<byte> paint, ReadOnlySpan<float> shade)
    {
        for (var i = 0; i < alpha.Length; i++)
        {
            float a = alpha[i], s = shade[i];
            if (a <= 0 && s >= 1)
            {
                continue;
            }

            for (var c = 0; c < RgbImage.Channels; c++)
            {
                var k = (i * RgbImage.Channels) + c;
                var v = (row[k] + (a * (paint[k] - row[k]))) * s;
                row[k] = (byte)(v + 0.5f);
            }
        }
    }
}
