using SadTalker.Inference.Faces;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Intake;

/// <summary>The face check on real pictures (front BlazeFace model, CPU), and its rules on hand-made geometry.</summary>
public sealed class FaceCheckTests(ITestOutputHelper output) : IDisposable
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
    public async Task Check_Astronaut_IsOkWithOneFace()
    {
        var result = await CheckAsync("astronaut.png", "null");

        Assert.Equal(FaceVerdict.Ok, result.Verdict);
        Assert.Equal(1, result.FaceCount);
        var face = Assert.IsType<FaceDetection>(result.Face);
        Assert.Equal(6, face.Keypoints.Count);
        Assert.InRange(face.Box.X, 169, 189); // reference box (179, 82, 95) from BlazeFaceDetectorTests
        Assert.InRange(face.Box.Y, 72, 92);
        Assert.InRange(face.Box.Width, 85, 105);
        var g = Assert.IsType<FaceGeometry>(result.Geometry);
        Assert.InRange(g.CropSize, 150, 210);
        Assert.InRange(g.RollDegrees, 0, 20); // her head leans a little
        Assert.InRange(g.NoseOffset, -0.3f, 0.3f);
    }

    [Theory]
    [InlineData("coffee.png")]
    [InlineData("chelsea.png")] // the front model scores the cat 0.53 on a tile: below MinScore
    public async Task Check_NoHumanFace_IsNoFace(string fixture)
    {
        var result = await CheckAsync(fixture, "null");

        Assert.Equal(FaceVerdict.NoFace, result.Verdict);
        Assert.Equal(0, result.FaceCount);
        Assert.Null(result.Face);
        Assert.Null(result.Geometry);
    }

    [Theory]
    [InlineData("scale=160:-1")]
    [InlineData("scale=256:-1")]
    public async Task Check_DownscaledAstronaut_IsFaceTooSmall(string filter)
    {
        var result = await CheckAsync("astronaut.png", filter);

        Assert.Equal(FaceVerdict.FaceTooSmall, result.Verdict);
        Assert.Equal(1, result.FaceCount);
        Assert.True(result.Geometry!.CropSize < 128);
        Assert.Contains("too small", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transpose=1")] // 90 degrees clockwise
    [InlineData("transpose=2")] // 90 degrees counter-clockwise
    [InlineData("rotate=45*PI/180")]
    [InlineData("rotate=-45*PI/180")]
    public async Task Check_RotatedAstronaut_IsStronglyRotated(string filter)
    {
        var result = await CheckAsync("astronaut.png", filter);

        // BlazeFace still finds the turned face (scores 0.78-0.96) but its eye line is steep.
        Assert.Equal(FaceVerdict.StronglyRotated, result.Verdict);
        Assert.True(Math.Abs(result.Geometry!.RollDegrees) > 30, $"roll {result.Geometry.RollDegrees}");
    }

    [Fact]
    public async Task Check_UpsideDownAstronaut_IsNoFace()
    {
        // Upside down the model scores the face 0.60, below MinScore, and its keypoints are not rotated with the
        // face (roll reads about -13 degrees), so "no face" is the honest answer.
        var result = await CheckAsync("astronaut.png", "vflip,hflip");

        Assert.Equal(FaceVerdict.NoFace, result.Verdict);
    }

    [Fact]
    public async Task Check_SlightlyTiltedAstronaut_IsOk()
    {
        var result = await CheckAsync("astronaut.png", "rotate=-20*PI/180");

        Assert.Equal(FaceVerdict.Ok, result.Verdict);
    }

    [Theory]
    [InlineData("split[a][b];[a][b]hstack")]
    [InlineData("split[a][b];[a][b]vstack")]
    public async Task Check_TwoAstronauts_IsSeveralFacesAndUsesTheLargest(string filter)
    {
        var result = await CheckAsync("astronaut.png", filter);

        Assert.Equal(FaceVerdict.SeveralFaces, result.Verdict);
        Assert.Equal(2, result.FaceCount);
        Assert.Contains("2 faces", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SmallSecondFace_ChoosesTheLargestFace()
    {
        // A 400 px astronaut (face about 73 px) beside a full-size one: the chosen face must be the big one on the right.
        var result = await CheckAsync("astronaut.png", "split[a][b];[a]scale=400:400,pad=512:512:56:56[s];[s][b]hstack");

        Assert.Equal(FaceVerdict.SeveralFaces, result.Verdict);
        Assert.InRange(result.Face!.Box.X, 512 + 169, 512 + 189);
        Assert.InRange(result.Face.Box.Width, 85, 105);
    }

    [Fact]
    public void Measure_SyntheticFace_FollowsTheDocumentedFormulas()
    {
        // Eyes 40 px apart on a level line, mouth 40 px below their midpoint, nose midway.
        var face = Synthetic(new FacePoint(100, 100), new FacePoint(140, 100), new FacePoint(120, 120), new FacePoint(120, 140));

        var g = FaceCheck.Measure(face, imageShortSide: 400);

        Assert.Equal(40, g.EyeDistance, 3);
        Assert.Equal(40, g.EyeToMouth, 3);
        Assert.Equal(2 * Math.Max(2 * 40, 1.8 * 40), g.CropSize, 3);
        Assert.Equal(60f / 400, g.BoxFraction, 4);
        Assert.Equal(0, g.RollDegrees, 3);
        Assert.Equal(0, g.NoseOffset, 3);
    }

    [Fact]
    public void Measure_TurnedAndProfileFaces_ShowInRollAndNoseOffset()
    {
        // Eye line pointing straight down (a face lying on its side) and a nose beyond the left eye (profile).
        var sideways = Synthetic(new FacePoint(100, 100), new FacePoint(100, 140), new FacePoint(80, 120), new FacePoint(60, 120));
        var profile = Synthetic(new FacePoint(100, 100), new FacePoint(120, 100), new FacePoint(130, 115), new FacePoint(115, 135));

        Assert.Equal(90, FaceCheck.Measure(sideways, 400).RollDegrees, 3);
        Assert.Equal(2, FaceCheck.Measure(profile, 400).NoseOffset, 3); // t = 1.5
    }

    [Theory]
    [InlineData(45f, 0f, 100f, 0.1f, 3, FaceVerdict.StronglyRotated)] // every rule fails: rotation wins
    [InlineData(0f, 1.5f, 100f, 0.1f, 3, FaceVerdict.StronglyRotated)] // profile
    [InlineData(0f, float.PositiveInfinity, 200f, 0.3f, 1, FaceVerdict.StronglyRotated)] // eyes on one point
    [InlineData(0f, 0f, 100f, 0.3f, 3, FaceVerdict.FaceTooSmall)] // small beats several
    [InlineData(0f, 0f, 200f, 0.1f, 1, FaceVerdict.FaceTooSmall)] // small in the frame only
    [InlineData(-29f, 1.1f, 200f, 0.3f, 2, FaceVerdict.SeveralFaces)]
    [InlineData(29f, -1.1f, 128f, 0.15f, 1, FaceVerdict.Ok)] // on the limits is still fine
    public void Judge_AppliesRulesInPrecedenceOrder(
        float roll, float noseOffset, float cropSize, float boxFraction, int faces, FaceVerdict expected)
    {
        var g = new FaceGeometry(40, 40, cropSize, boxFraction, roll, noseOffset);

        var (verdict, message) = FaceCheck.Judge(g, faces, new FaceCheckOptions());

        Assert.Equal(expected, verdict);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    private async Task<FaceCheckResult> CheckAsync(string fixture, string filter)
    {
        var path = await TestMedia.ConvertAsync(_temp, fixture, "input.png", "-vf", filter, "-frames:v", "1");
        var image = await TestMedia.DecodeAsync(path);

        var result = new FaceCheck(_detector).Check(image);

        output.WriteLine($"{fixture} [{filter}] {image.Width}x{image.Height}: {result.Verdict}, {result.FaceCount} face(s), {result.Geometry}");
        return result;
    }

    private static FaceDetection Synthetic(FacePoint rightEye, FacePoint leftEye, FacePoint nose, FacePoint mouth) =>
        new(new FaceBox(90, 90, 60, 60), 0.9f, [rightEye, leftEye, nose, mouth, new FacePoint(80, 110), new FacePoint(160, 110)]);
}
