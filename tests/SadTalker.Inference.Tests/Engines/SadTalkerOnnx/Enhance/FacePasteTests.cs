using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Enhance;

/// <summary>Align → (unchanged face) → paste must give back the frame: the forward and inverse warps agree on every pixel centre.</summary>
public sealed class FacePasteTests(ITestOutputHelper output)
{
    private const int Side = 64;
    private const int Face = FfhqAlignment.FaceSize;

    /// <summary>frame → face: scale 9, rotated 10°, the frame centre on the face centre (the 512 square covers ~57 frame px).</summary>
    private static readonly Affine2D FrameToFace = Similarity(9, 10, Side / 2.0, Side / 2.0);

    /// <summary>
    /// A linear ramp (4 levels per pixel) survives bilinear sampling exactly, so after two resamplings the only error is
    /// rounding (≤ 1 level); a half-pixel slip in either map would show as 2 levels on the steep channels.
    /// </summary>
    [Theory]
    [InlineData(2.0)]
    [InlineData(1.5)]
    [InlineData(1.0)]
    public void Blend_UnchangedAlignedFace_ReproducesTheUpscaledFrameWithin1Level(double upscale)
    {
        var frame = Ramp();
        var face = new byte[Face * Face * 3];
        FfhqAlignment.Warp(frame, Side, Side, FrameToFace, face);
        var size = (int)(Side * upscale);
        var background = new byte[size * size * 3];
        ImageResize.Bilinear(frame, Side, Side, background, size, size);
        var canvas = (byte[])background.Clone();

        FacePaste.Blend(face, FrameToFace, canvas, size, size, upscale, upscale, upscale);

        var (worst, inside) = (0, 0);
        var mask = SoftFaceMask.For(upscale / FrameToFace.Scale, upscale);
        var canvasToFace = new Affine2D(1 / upscale, 0, (0.5 / upscale) - 0.5, 0, 1 / upscale, (0.5 / upscale) - 0.5).Then(FrameToFace);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var (u, v) = canvasToFace.Apply(x, y);
                if (mask.At(u, v) < 1 || x < upscale || y < upscale || x >= size - upscale || y >= size - upscale)
                {
                    continue; // the ramp edge, and the frame border where the background resize clamps
                }

                inside++;
                for (var c = 0; c < 3; c++)
                {
                    worst = Math.Max(worst, Math.Abs(canvas[(((y * size) + x) * 3) + c] - background[(((y * size) + x) * 3) + c]));
                }
            }
        }

        output.WriteLine($"upscale {upscale}: {inside} px fully inside the mask, worst difference {worst} levels");
        Assert.True(inside > size * size / 4, $"the mask covers the face ({inside} px)");
        Assert.True(worst <= 1, $"worst {worst} levels; a linear ramp must round-trip within 1 level");
    }

    [Fact]
    public void Blend_SolidFace_CentreTakesTheFace_OutsideTheSquareUntouched_EdgeMixes()
    {
        var face = new byte[Face * Face * 3];
        for (var i = 0; i < face.Length; i += 3)
        {
            face[i] = 250;
        }

        const int size = 128;
        var canvas = Enumerable.Repeat((byte)100, size * size * 3).ToArray();

        FacePaste.Blend(face, FrameToFace, canvas, size, size, 2, 2, 2);

        var faceToCanvas = new Affine2D(1 / 2.0, 0, -0.25, 0, 1 / 2.0, -0.25).Then(FrameToFace).Invert();
        var (cx, cy) = faceToCanvas.Apply(255.5, 255.5);
        Assert.Equal([250, 0, 0], canvas.AsSpan((((int)cy * size) + (int)cx) * 3, 3).ToArray());
        Assert.Equal([100, 100, 100], canvas.AsSpan(0, 3).ToArray()); // a corner lies outside the rotated square
        Assert.Contains(Enumerable.Range(0, size * size), i => canvas[i * 3] is > 100 and < 250);
    }

    [Fact]
    public void Warp_ThenInverseWarp_ReturnsTheFrameWithin1LevelInside()
    {
        var frame = Ramp();
        var face = new byte[Face * Face * 3];
        FfhqAlignment.Warp(frame, Side, Side, FrameToFace, face);
        var back = new byte[Side * Side * 3];

        AffineWarp.Bilinear(face, Face, Face, back, Side, Side, FrameToFace, [0, 0, 0]);

        for (var y = 12; y < Side - 12; y++)
        {
            for (var x = 12; x < Side - 12; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var i = (((y * Side) + x) * 3) + c;
                    Assert.True(Math.Abs(back[i] - frame[i]) <= 1, $"({x}, {y}, {c}): {back[i]} vs {frame[i]}");
                }
            }
        }
    }

    private static byte[] Ramp()
    {
        var frame = new byte[Side * Side * 3];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var i = ((y * Side) + x) * 3;
                (frame[i], frame[i + 1], frame[i + 2]) = ((byte)(4 * x), (byte)(4 * y), (byte)(2 * (x + y)));
            }
        }

        return frame;
    }

    private static Affine2D Similarity(double scale, double degrees, double cx, double cy)
    {
        var (a, b) = (scale * Math.Cos(degrees * Math.PI / 180), scale * Math.Sin(degrees * Math.PI / 180));
        return new Affine2D(a, -b, 255.5 - (a * cx) + (b * cy), b, a, 255.5 - (b * cx) - (a * cy));
    }
}
