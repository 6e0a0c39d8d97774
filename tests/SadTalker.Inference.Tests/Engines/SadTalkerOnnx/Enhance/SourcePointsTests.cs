using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Enhance;

/// <summary>
/// The enhancer's fallback points must land where the crop pipeline puts the face: a dot painted at the portrait's
/// left eye is followed through the same cut and resizes the engine applies, and found again in the frame.
/// </summary>
public sealed class SourcePointsTests
{
    private const int Size = 256;

    [Theory]
    [InlineData(PreprocessMode.Crop)]
    [InlineData(PreprocessMode.ExtCrop)]
    [InlineData(PreprocessMode.Resize)]
    [InlineData(PreprocessMode.Full)]
    public void InFrame_LeftEyeLandsOnThePaintedDot_Within1Px(PreprocessMode mode)
    {
        var portrait = new RgbImage(640, 560);
        var eye = new FacePoint(280, 250);
        for (var y = -1; y <= 1; y++)
        {
            portrait.GetRow((int)eye.Y + y).Slice(((int)eye.X - 1) * 3, 9).Fill(255);
        }

        var landmarks = BlazeFaceLandmarks.From(new FaceDetection(
            FaceBox.FromCorners(230, 180, 410, 400), 0.9f, [eye, new(360, 245), new(322, 300), new(318, 350), new(240, 270), new(400, 265)]));
        var crop = mode == PreprocessMode.Resize ? null : FaceCropRule.Compute(landmarks, portrait.Width, portrait.Height);
        var (frame, width, height) = Frame(portrait, crop, mode);

        var five = SourcePoints.InFrame(landmarks, portrait.Width, portrait.Height, crop, mode, width, height);

        var (cx, cy) = Centroid(frame, width, height);
        Assert.True(Math.Abs(five[0] - cx) <= 1 && Math.Abs(five[1] - cy) <= 1, $"{mode}: mapped ({five[0]:0.00}, {five[1]:0.00}), dot at ({cx:0.00}, {cy:0.00})");
    }

    /// <summary>The composed frame as SourceFace + FrameComposer make it (the renderer keeps the source's geometry).</summary>
    private static (byte[] Frame, int Width, int Height) Frame(RgbImage portrait, FaceCrop? crop, PreprocessMode mode)
    {
        if (mode == PreprocessMode.Full)
        {
            return (portrait.Pixels, portrait.Width, portrait.Height); // pasted back into the portrait itself (no shrink here)
        }

        var cut = portrait;
        if (crop is not null)
        {
            var (l, t, r, b) = crop.Crop;
            cut = CropImages.Cut(portrait, l, t, r, b);
            if (mode == PreprocessMode.Crop)
            {
                var inner = crop.InnerPixels;
                cut = CropImages.Cut(cut, inner.Left, inner.Top, inner.Right, inner.Bottom);
            }
        }

        var square = CropImages.Resize(cut, Size, Size);
        var (w, h) = crop?.FaceSize ?? (portrait.Width, portrait.Height);
        var height = Math.Max(2, (int)((long)Size * h / w) & ~1);
        var frame = new byte[Size * height * 3];
        ImageResize.Bilinear(square.Pixels, Size, Size, frame, Size, height);
        return (frame, Size, height);
    }

    private static (double X, double Y) Centroid(byte[] frame, int width, int height)
    {
        double sum = 0, sx = 0, sy = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = frame[((y * width) + x) * 3];
                (sum, sx, sy) = (sum + v, sx + (v * x), sy + (v * y));
            }
        }

        Assert.True(sum > 0, "the dot survives the resizes");
        return (sx / sum, sy / sum);
    }
}
