namespace SadTalker.Inference.Rendering;

/// <summary>
/// Burns a line of text into a corner of every frame: white, semi-transparent, with a soft dark shadow so it stays
/// readable on light and dark backgrounds. The text is drawn once (in <see cref="Begin"/>) with the built-in
/// 5×7 font scaled to about 3 % of the frame height; a frame then costs one fixed-point blend over the text's box.
/// </summary>
/// <remarks>
/// Per pixel of the text box, with α_t = opacity·text coverage and α_s = 0.6·opacity·shadow coverage:
/// <code>
/// out = c·(1 − α_s)·(1 − α_t) + 255·α_t  =  (c·mul + add + 128) >> 8,  mul = round(256·(1 − α_s)(1 − α_t)), add = round(256·255·α_t)
/// </code>
/// Text wider than 90 % of the frame is drawn smaller, and at the smallest size cut with "...".
/// </remarks>
public sealed class VisibleWatermarkFilter : IFrameFilter
{
    private const float TextHeightShare = 0.03f;
    private const float MaxWidthShare = 0.9f;

    private readonly string _text;
    private readonly WatermarkPosition _position;
    private readonly float _opacity;
    private int _width;
    private int _boxX, _boxY, _boxWidth, _boxHeight;
    private ushort[] _mul = [];
    private ushort[] _add = [];

    /// <param name="text">The text; characters outside printable ASCII are drawn as '?'.</param>
    /// <param name="position">Corner.</param>
    /// <param name="opacity">Text opacity in (0, 1].</param>
    public VisibleWatermarkFilter(string text, WatermarkPosition position = WatermarkPosition.BottomRight, float opacity = 0.6f)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown watermark position.");
        }

        if (!(opacity is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(opacity), opacity, "Opacity must be in (0, 1].");
        }

        (_text, _position, _opacity) = (text.Trim(), position, opacity);
    }

    /// <summary>The text box in frame pixels (x, y, width, height), known after <see cref="Begin"/>.</summary>
    public (int X, int Y, int Width, int Height) Box => (_boxX, _boxY, _boxWidth, _boxHeight);

    public void Begin(int width, int height, int frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        _width = width;
        var maxWidth = (int)(MaxWidthShare * width);
        var scale = Math.Max(1, (int)MathF.Round(TextHeightShare * height / BitmapFont.GlyphHeight));
        var text = _text;
        while (scale > 1 && BitmapFont.Measure(text.Length) * scale > maxWidth)
        {
            scale--;
        }

        if (BitmapFont.Measure(text.Length) > maxWidth)
        {
            var fits = Math.Max(1, (maxWidth + 1) / BitmapFont.Advance);
            text = fits > 4 ? text[..(fits - 3)] + "..." : text[..Math.Min(fits, text.Length)];
        }

        var shadow = Math.Max(1, scale / 2);
        _boxWidth = Math.Min(width, (BitmapFont.Measure(text.Length) * scale) + shadow);
        _boxHeight = Math.Min(height, (BitmapFont.GlyphHeight * scale) + shadow);
        var margin = Math.Max(4, (int)MathF.Round(0.025f * Math.Min(width, height)));
        var right = _position is WatermarkPosition.BottomRight or WatermarkPosition.TopRight;
        var bottom = _position is WatermarkPosition.BottomRight or WatermarkPosition.BottomLeft;
        _boxX = Math.Max(0, right ? width - margin - _boxWidth : margin);
        _boxY = Math.Max(0, bottom ? height - margin - _boxHeight : margin);
        BuildMask(text, scale, shadow);
    }

    public void Apply(Span<byte> rgb24, long frameIndex)
    {
        var stride = _width * 3;
        for (var y = 0; y < _boxHeight; y++)
        {
            var row = rgb24.Slice(((_boxY + y) * stride) + (_boxX * 3), _boxWidth * 3);
            var mask = y * _boxWidth;
            for (var x = 0; x < _boxWidth; x++)
            {
                int mul = _mul[mask + x], add = _add[mask + x];
                if (mul == 256)
                {
                    continue;
                }

                for (var c = 0; c < 3; c++)
                {
                    ref var v = ref row[(x * 3) + c];
                    v = (byte)(((v * mul) + add + 128) >> 8);
                }
            }
        }
    }

    private void BuildMask(string text, int scale, int shadow)
    {
        var coverage = new bool[_boxWidth * _boxHeight];
        for (var i = 0; i < text.Length; i++)
        {
            for (var gy = 0; gy < BitmapFont.GlyphHeight; gy++)
            {
                for (var gx = 0; gx < BitmapFont.GlyphWidth; gx++)
                {
                    if (!BitmapFont.IsSet(text[i], gx, gy))
                    {
                        continue;
                    }

                    for (var y = gy * scale; y < (gy + 1) * scale && y < _boxHeight; y++)
                    {
                        for (var x = (i * BitmapFont.Advance * scale) + (gx * scale); x < (i * BitmapFont.Advance * scale) + ((gx + 1) * scale) && x < _boxWidth; x++)
                        {
                            coverage[(y * _boxWidth) + x] = true;
                        }
                    }
                }
            }
        }

        _mul = new ushort[coverage.Length];
        _add = new ushort[coverage.Length];
        for (var y = 0; y < _boxHeight; y++)
        {
            for (var x = 0; x < _boxWidth; x++)
            {
                var t = coverage[(y * _boxWidth) + x] ? _opacity : 0f;
                var s = x >= shadow && y >= shadow && coverage[((y - shadow) * _boxWidth) + x - shadow] ? 0.6f * _opacity : 0f;
                _mul[(y * _boxWidth) + x] = (ushort)MathF.Round(256 * (1 - s) * (1 - t));
                _add[(y * _boxWidth) + x] = (ushort)MathF.Round(256 * 255 * t);
            }
        }
    }
}
