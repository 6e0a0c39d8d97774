using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Enhance;

public sealed class SoftFaceMaskTests
{
    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(0.6, 2.0)]
    [InlineData(2.5, 1.4)]
    [InlineData(0.05, 1.0)]
    public void At_OneInTheCentre_ZeroOutsideTheBox_MonotoneRamp(double k, double upscale)
    {
        var mask = SoftFaceMask.For(k, upscale);

        Assert.Equal(1, mask.At(255.5, 255.5));
        foreach (var outside in new[] { -0.5, -3, 511.5, 600 })
        {
            Assert.Equal(0, mask.At(outside, 255.5));
            Assert.Equal(0, mask.At(255.5, outside));
        }

        var previous = 0.0;
        var between = 0;
        for (var u = -1.0; u <= 255.5; u += 0.125)
        {
            var value = mask.Axis(u);
            Assert.True(value >= previous, $"f({u}) = {value} < f({u - 0.125}) = {previous}: the ramp must not go down towards the centre");
            Assert.Equal(value, mask.Axis(511 - u), 12); // symmetric about the centre
            between += value is > 0 and < 1 ? 1 : 0;
            previous = value;
        }

        Assert.True(between > 0, "a soft edge, not a hard cut");
    }

    /// <summary>k = 1, upscale 2: the square is 512 px; facexlib erodes by 4 (→ 508, w_edge = 508 // 20 = 25), then by 50, blurs ±25.</summary>
    [Fact]
    public void For_UnitScale_EdgeWidthIsSqrtAreaOver20()
    {
        var mask = SoftFaceMask.For(1, 2);

        Assert.Equal((27.0, 25.5, 0.3 * 24 + 0.8), (mask.Erosion, mask.Radius, mask.Sigma));
        Assert.Equal(0, mask.Axis(1));         // (1 + ½) − 27 = −25.5: the blur's reach
        Assert.True(mask.Axis(1.25) > 0);
        Assert.True(mask.Axis(51.9) < 1);
        Assert.Equal(1, mask.Axis(52));        // (52 + ½) − 27 = 25.5
        Assert.Equal(0.5, mask.Axis(26.5), 6); // on the eroded edge the blurred step is one half
    }
}
