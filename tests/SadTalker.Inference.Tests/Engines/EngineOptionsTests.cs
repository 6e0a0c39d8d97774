using SadTalker.Inference.Engines;

namespace SadTalker.Inference.Tests.Engines;

/// <summary>Option ranges and what an engine's capabilities accept.</summary>
public sealed class EngineOptionsTests
{
    private static readonly EngineCapabilities SadTalkerLike = new()
    {
        PreprocessModes = Enum.GetValues<PreprocessMode>(),
        Sizes = [256, 512],
        Stages = ["Crop", "Coefficients", "Render"],
        Enhancer = true,
        ReferenceVideos = true,
        FreeView = true,
        BatchRendering = true,
    };

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Empty(new GenerationOptions().Validate());
        Assert.Empty(SadTalkerLike.Validate(new GenerationOptions()));
    }

    [Theory]
    [InlineData(-1, 1f, 2, "Pose style")]
    [InlineData(46, 1f, 2, "Pose style")]
    [InlineData(0, 2.5f, 2, "Expression scale")]
    [InlineData(0, float.NaN, 2, "Expression scale")]
    [InlineData(0, 1f, 0, "Batch size")]
    [InlineData(0, 1f, 11, "Batch size")]
    public void Validate_OutOfRange_NamesTheOption(int poseStyle, float scale, int batch, string expected)
    {
        var errors = new GenerationOptions { PoseStyle = poseStyle, ExpressionScale = scale, BatchSize = batch }.Validate();

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyOrWildAngles_Refused()
    {
        Assert.Contains(new GenerationOptions { InputYaw = [] }.Validate(), e => e.Contains("yaw", StringComparison.Ordinal));
        Assert.Contains(new GenerationOptions { InputRoll = [0, 120] }.Validate(), e => e.Contains("roll", StringComparison.Ordinal));
    }

    [Fact]
    public void Capabilities_SadTalkerShapedEngine_AcceptsItsOwnOptions()
    {
        var options = new GenerationOptions
        {
            Size = 256, Preprocess = PreprocessMode.ExtFull, Enhancer = true, BatchSize = 8, PoseStyle = 45, Still = true,
            RefEyeblinkPath = "blink.mp4", RefPosePath = "pose.mp4", InputYaw = [-20, 0, 20], InputPitch = [0], InputRoll = [5],
        };

        Assert.Empty(SadTalkerLike.Validate(options));
        Assert.Contains(SadTalkerLike.Validate(options with { Size = 1024 }), e => e.Contains("Size 1024", StringComparison.Ordinal));
    }

    [Fact]
    public void Request_MissingInputs_ListsEachProblem()
    {
        var errors = new EngineRequest { AudioPath = "/no/such.wav" }.Validate();

        Assert.Contains(errors, e => e.Contains("exactly one portrait", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Audio file not found", StringComparison.Ordinal));
    }
}
