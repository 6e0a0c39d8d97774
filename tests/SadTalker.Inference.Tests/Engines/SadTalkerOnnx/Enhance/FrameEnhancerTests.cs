using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Enhance;

public sealed class FrameEnhancerTests
{
    /// <summary>The reference doubles every frame (#760: 1280×720 → 2560×1440); we stop the long side at 2048 and never shrink.</summary>
    [Theory]
    [InlineData(256, 320, 2.0)]
    [InlineData(1024, 1024, 2.0)]
    [InlineData(1280, 720, 1.6)]
    [InlineData(2048, 1536, 1.0)]
    [InlineData(3000, 2000, 1.0)]
    public void UpscaleFor_TwiceUnlessTheLongSidePasses2048_NeverBelowOne(int width, int height, double expected)
    {
        Assert.Equal(expected, FrameEnhancer.UpscaleFor(width, height), 12);
    }
}
