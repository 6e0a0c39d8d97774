using SadTalker.Inference.Faces;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Intake;

public sealed class TiledFaceDetectionTests : IDisposable
{
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu });
    private readonly BlazeFaceDetector _detector =
        new(Sessions, RepoPaths.Model("blazeface/face_detection_front_128x128_barracuda.onnx"));
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _detector.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Detect_TwoFacesSideBySide_FindsWhatOneLetterboxMisses()
    {
        var image = await TestMedia.DecodeAsync(await TestMedia.AstronautAsync(_temp, "two.png", "split[a][b];[a][b]hstack"));

        var whole = _detector.Detect(image);
        var tiled = TiledFaceDetection.Detect(_detector, image);

        Assert.Empty(whole); // each face is 12 px in the 128 px letterbox: below what the front model finds
        Assert.Equal(2, tiled.Count);
        Assert.Contains(tiled, f => f.Box.X is > 169 and < 189);
        Assert.Contains(tiled, f => f.Box.X is > 512 + 169 and < 512 + 189);
    }

    [Theory]
    [InlineData("pad=900:512:300:0", 300)] // the face sits in all three overlapping tiles
    [InlineData("pad=512:1400:0:700", 0)] // tall: tiles run down the image
    public async Task Detect_FaceSeenByOverlappingTiles_IsReportedOnce(string filter, int shift)
    {
        var image = await TestMedia.DecodeAsync(await TestMedia.AstronautAsync(_temp, "padded.png", filter));

        var face = Assert.Single(TiledFaceDetection.Detect(_detector, image));

        var (x, y) = image.Width > image.Height ? (179 + shift, 82) : (179, 82 + 700);
        Assert.InRange(face.Box.X, x - 10, x + 10);
        Assert.InRange(face.Box.Y, y - 10, y + 10);
    }

    [Fact]
    public async Task Detect_LargeImage_MapsBackToFullResolution()
    {
        var image = await TestMedia.DecodeAsync(await TestMedia.AstronautAsync(_temp, "big.png", "scale=2048:2048"));

        var face = Assert.Single(TiledFaceDetection.Detect(_detector, image));

        Assert.InRange(face.Box.X, (179 * 4) - 40, (179 * 4) + 40);
        Assert.InRange(face.Box.Width, (95 * 4) - 40, (95 * 4) + 40);
        Assert.All(face.Keypoints, p => Assert.InRange(p.X, 600, 1200));
    }
}
