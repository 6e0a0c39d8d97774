using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Motion;

public sealed class PoseChunkPlanTests
{
    [Fact]
    public void Create_MatchesReferenceStitching_Exactly()
    {
        // Rows of (frames, chunk, position, source frame, target frame or -1).
        var rows = MotionReference.Int32("pose_plan_expected");
        var byFrames = Enumerable.Range(0, rows.Length / 5).Select(r => rows.AsSpan(r * 5, 5).ToArray()).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var frames in MotionReference.Int32("pose_plan_frames"))
        {
            var plan = PoseChunkPlan.Create(frames);
            var actual = new List<int[]>();
            for (var c = 0; c < plan.ChunkCount; c++)
            {
                for (var p = 0; p < PoseChunkPlan.ChunkLength; p++)
                {
                    actual.Add([frames, c, p, plan.SourceFrames(c)[p], plan.TargetFrames(c)[p]]);
                }
            }

            var expected = byFrames.GetValueOrDefault(frames) ?? [];
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < actual.Count; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(1001)]
    public void Create_EveryFrameAfterTheFirst_GetsExactlyOneOutput(int frames)
    {
        var plan = PoseChunkPlan.Create(frames);
        var hits = new int[frames];
        for (var c = 0; c < plan.ChunkCount; c++)
        {
            foreach (var t in plan.TargetFrames(c))
            {
                if (t >= 0)
                {
                    hits[t]++;
                }
            }
        }

        Assert.Equal(0, hits[0]);
        Assert.All(hits[1..], h => Assert.Equal(1, h));
    }
}
