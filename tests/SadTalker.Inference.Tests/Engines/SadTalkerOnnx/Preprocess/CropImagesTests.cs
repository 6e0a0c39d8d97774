using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// align_img's 224² 3DMM input against PIL's resize(BICUBIC) + crop on a textured crop (pil_resize_reference.py):
/// realistic parameters (s' ≈ 0.7 at 256, ≈ 0.35 at 512) with windows past the image edges.
/// </summary>
public sealed class CropImagesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0)] // 256 a
    [InlineData(1)] // 256 b
    [InlineData(2)] // 512 a
    [InlineData(3)] // 512 b
    public async Task Align_TexturedCrop_EqualsPilBicubicResizeAndCrop_Exactly(int row)
    {
        var p = MotionReference.Float64("pil_align_params")[(row * 9)..((row + 1) * 9)]; // size, landmark set, s', tx, ty, w, h, left, up
        var (size, set) = ((int)p[0], (int)p[1]);
        var photo = await FfmpegImageDecoder.DecodeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None);
        var crop = size == 512 ? photo : CropImages.Cut(photo, 100, 20, 356, 276);
        var align = new AlignParameters(p[2], p[3], p[4], (int)p[5], (int)p[6], (int)p[7], (int)p[8]);
        var (landmarks, _) = MotionReference.Float32("align_landmarks");
        var points = landmarks.AsSpan(set * 136, 136).ToArray().Select(v => v * (size / 256f)).ToArray();
        var fit = FaceAlignment.Fit(points, size, size);
        Assert.Equal((align.ResizedWidth, align.ResizedHeight, align.Left, align.Up), (fit.ResizedWidth, fit.ResizedHeight, fit.Left, fit.Up));
        var pil = await FfmpegImageDecoder.DecodeAsync(
            Path.Combine(Path.GetDirectoryName(MotionReference.File("pil_align_params"))!, $"pil_align_{size}_{(row % 2 == 0 ? "a" : "b")}.png"),
            CancellationToken.None);

        var ours = CropImages.Align(crop, fit);

        var diffs = ours.Pixels.Zip(pil.Pixels, (a, b) => Math.Abs(a - b)).Order().ToArray();
        output.WriteLine($"size {size}: s'={fit.Scale:0.0000}, {fit.ResizedWidth}x{fit.ResizedHeight} at ({fit.Left}, {fit.Up}); " +
            $"vs PIL mean {diffs.Average():0.000}, p99 {diffs[(int)(0.99 * (diffs.Length - 1))]}, max {diffs[^1]} grey levels");
        Assert.Equal(0, diffs[^1]);
    }

    [Fact]
    public void Align_EmptyResize_IsAllZeroFill()
    {
        var crop = new RgbImage(8, 8);
        crop.Span.Fill(200);

        var aligned = CropImages.Align(crop, new AlignParameters(0.01, 4, 4, 0, 0, -112, -112));

        Assert.All(aligned.Pixels, v => Assert.Equal(0, v));
    }
}
