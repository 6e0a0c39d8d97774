using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Motion;

public sealed class FacerenderPrepTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(40)]
    public void SemanticWindows_MatchReferenceClampedIndices(int frames)
    {
        var expected = MotionReference.Int32($"semantic_windows_{frames}"); // [frame, 27] → source frame
        const int channels = 3;
        var coeffs = new float[frames * channels];
        for (var t = 0; t < frames; t++)
        {
            for (var c = 0; c < channels; c++)
            {
                coeffs[(t * channels) + c] = (1000 * c) + t; // the value names its frame and channel
            }
        }

        var window = new float[channels * SemanticWindows.Length];
        for (var i = 0; i < frames; i++)
        {
            SemanticWindows.Fill(coeffs, channels, i, window);
            for (var c = 0; c < channels; c++)
            {
                for (var k = 0; k < SemanticWindows.Length; k++)
                {
                    Assert.Equal((1000 * c) + expected[(i * SemanticWindows.Length) + k], window[(c * SemanticWindows.Length) + k]);
                }
            }
        }
    }

    [Theory]
    [InlineData(23, 2)]
    [InlineData(23, 5)]
    [InlineData(10, 10)]
    public void RenderBatchPlan_ReferenceOrder_MatchesNumpyReshape(int frames, int batch)
    {
        var expected = MotionReference.Int32($"batch_order_{frames}_{batch}"); // [step, row]
        var steps = RenderBatchPlan.Reference(frames, batch);

        Assert.Equal(expected, steps.SelectMany(s => s).ToArray());
    }

    [Fact]
    public void RenderBatchPlan_StreamingOrder_CoversEveryFrameOnceInOrder()
    {
        var ranges = RenderBatchPlan.Streaming(23, 5).ToList();

        Assert.Equal(Enumerable.Range(0, 23), ranges.SelectMany(r => Enumerable.Range(r.Start.Value, r.End.Value - r.Start.Value)));
        Assert.Equal(5, ranges.Count);
    }

    [Fact]
    public void FacerenderCoefficients_ScaleStillAndFullMode()
    {
        var target = Enumerable.Range(0, 2 * 70).Select(i => (float)i).ToArray();
        var source = Enumerable.Range(0, 73).Select(i => -1f - i).ToArray();
        var output = new float[2 * 73];

        FacerenderCoefficients.Prepare(target, source, 0.5f, still: true, fullMode: true, output);

        Assert.Equal(35f, output[73 + 0]);               // frame 1 exp 0 = 70 · 0.5
        Assert.Equal(source[64], output[73 + 64]);       // still: pose from the source
        Assert.Equal(source[72], output[73 + 72]);       // full: s', t_x, t_y from the source

        var moving = new float[2 * 70];
        FacerenderCoefficients.Prepare(target, source, 1f, still: false, fullMode: false, moving);
        Assert.Equal(target, moving);
    }
}
