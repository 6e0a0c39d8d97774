using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Motion;

public sealed class HeadPoseTests
{
    private const int Cases = 8;

    [Fact]
    public void Degrees_MatchesNumpySoftmaxExpectation_Within1e9()
    {
        var (logits, shape) = MotionReference.Float32("pose_logits");
        var expected = MotionReference.Float64("pose_degrees");
        Assert.Equal([Cases, 3, 66], shape);

        for (var i = 0; i < Cases * 3; i++)
        {
            Assert.Equal(expected[i], HeadPose.Degrees(logits.AsSpan(i * 66, 66)), 1e-9);
        }

        Assert.Equal(-1.5, expected[0], 1e-12);  // uniform bins: 3 · 32.5 − 99
        Assert.Equal(-84, expected[3], 1e-9);    // one-hot bin 5: 3 · 5 − 99
    }

    [Theory]
    [InlineData(RotationAngle.ReferenceQuirk, "rotation_314")]
    [InlineData(RotationAngle.Pi, "rotation_pi")]
    public void Rotation_MatchesNumpyRxRyRz_Within1e6(RotationAngle angle, string fixture)
    {
        var degrees = MotionReference.Float64("pose_degrees");
        var expected = MotionReference.Float64(fixture);
        var r = new float[9];

        for (var i = 0; i < Cases; i++)
        {
            HeadPose.Rotation(degrees[3 * i], degrees[(3 * i) + 1], degrees[(3 * i) + 2], angle, r);
            for (var k = 0; k < 9; k++)
            {
                Assert.Equal(expected[(9 * i) + k], r[k], 1e-6);
            }
        }
    }

    [Fact]
    public void Rotation_QuirkAndPi_DifferMeasurably_At90Degrees()
    {
        var quirk = new float[9];
        var pi = new float[9];
        HeadPose.Rotation(90, 0, 0, RotationAngle.ReferenceQuirk, quirk);
        HeadPose.Rotation(90, 0, 0, RotationAngle.Pi, pi);

        Assert.Equal(0, pi[0], 1e-6);
        Assert.Equal(Math.Cos(1.57), quirk[0], 1e-6); // cos(90/180·3.14) = 0.000796
    }

    [Fact]
    public void KeypointTransform_MatchesNumpy_Within1e5()
    {
        var (kc, _) = MotionReference.Float32("kp_canonical");
        var (t, _) = MotionReference.Float32("kp_translation");
        var (delta, _) = MotionReference.Float32("kp_delta");
        var degrees = MotionReference.Float64("pose_degrees");
        var expected = MotionReference.Float64("kp_expected");
        var r = new float[9];
        var kp = new float[45];

        for (var i = 0; i < Cases; i++)
        {
            HeadPose.Rotation(degrees[3 * i], degrees[(3 * i) + 1], degrees[(3 * i) + 2], RotationAngle.ReferenceQuirk, r);
            KeypointTransform.Apply(kc.AsSpan(i * 45, 45), r, t.AsSpan(i * 3, 3), delta.AsSpan(i * 45, 45), kp);
            for (var k = 0; k < 45; k++)
            {
                Assert.Equal(expected[(45 * i) + k], kp[k], 1e-5);
            }
        }
    }
}
