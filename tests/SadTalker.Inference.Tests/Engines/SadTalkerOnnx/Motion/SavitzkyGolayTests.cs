using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Motion;

public sealed class SavitzkyGolayTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(13)]
    [InlineData(9)]
    [InlineData(4)]
    public void Smooth_MatchesScipySavgolInterp_Within1e5(int frames)
    {
        var (input, shape) = MotionReference.Float32($"savgol_{frames}_input");
        var (expected, _) = MotionReference.Float32($"savgol_{frames}_expected");
        Assert.Equal([frames, 6], shape);
        var output = new float[input.Length];

        SavitzkyGolay.Smooth(input, 6, SavitzkyGolay.PoseWindowFor(frames), SavitzkyGolay.PoseOrder, output);

        for (var i = 0; i < output.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - output[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"[{i / 6},{i % 6}] {output[i]} vs scipy {expected[i]}");
        }
    }

    [Fact]
    public void HatMatrix_InteriorRow_IsTheClassicWeights()
    {
        var hat = SavitzkyGolay.HatMatrix(13, 2);
        for (var j = -6; j <= 6; j++)
        {
            Assert.Equal((25.0 - (j * j)) / 143.0, hat[(6 * 13) + j + 6], 1e-12); // §6: c_j = (25 − j²)/143
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 3)]
    [InlineData(12, 11)]
    [InlineData(13, 13)]
    [InlineData(500, 13)]
    public void PoseWindowFor_FollowsTheReferenceRule(int frames, int window) => Assert.Equal(window, SavitzkyGolay.PoseWindowFor(frames));
}
