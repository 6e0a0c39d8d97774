using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Motion;

public sealed class FreeViewAndBlinkTests
{
    [Fact]
    public void FreeViewPath_MatchesNumpyArangePaths_Within1e4()
    {
        (int[] Keys, int Frames)[] paths = [([0], 10), ([-20, 20], 50), ([0, 30, -30, 0], 101), ([10, -10], 7), ([0, 45], 200)];
        var expected = MotionReference.Float64("free_view_expected");
        var offset = 0;
        foreach (var (keys, frames) in paths)
        {
            var path = new float[frames];
            FreeViewPath.Build(keys, path);
            for (var i = 0; i < frames; i++)
            {
                Assert.True(Math.Abs(expected[offset + i] - path[i]) <= 1e-4, $"{string.Join(",", keys)} frame {i}: {path[i]} vs {expected[offset + i]}");
            }

            offset += frames;
        }

        Assert.Equal(expected.Length, offset);
    }

    [Fact]
    public void FreeViewPath_EqualNeighbours_SkipTheSegmentInsteadOfDividingByZero()
    {
        var path = new float[21];
        FreeViewPath.Build([0, 0, 20], path);

        Assert.Equal(0, path[0]);
        Assert.Equal(19, path[^2]);
        Assert.Equal(19, path[^1]); // padded with the last generated value: arange excludes 20
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(21)]
    public void Blinks_ShortClips_HaveNone(int frames)
    {
        var ratio = new float[frames];
        BlinkSequence.Generate(new Random(1), ratio);
        Assert.All(ratio, r => Assert.Equal(0, r));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(250)]
    [InlineData(1000)]
    public void Blinks_HoldTheReferenceInvariants_AndSeedsRepeat(int frames)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var ratio = new float[frames];
            BlinkSequence.Generate(new Random(seed), ratio);
            AssertValidBlinks(ratio);

            var again = new float[frames];
            BlinkSequence.Generate(new Random(seed), again);
            Assert.Equal(ratio, again);
        }
    }

    [Fact]
    public void Blinks_CountPerClip_MatchesPythonRandomStatistics()
    {
        // blink_stats: (frames, mean, std) of the blink count over 4000 Python-random sequences (motion_reference.py).
        var stats = MotionReference.Float64("blink_stats");
        var random = new Random(2026);
        for (var row = 0; row < stats.Length / 3; row++)
        {
            var (frames, mean, std) = ((int)stats[3 * row], stats[(3 * row) + 1], stats[(3 * row) + 2]);
            const int runs = 4000;
            double sum = 0;
            for (var n = 0; n < runs; n++)
            {
                var ratio = new float[frames];
                BlinkSequence.Generate(random, ratio);
                sum += ratio.Count(r => r == 1f);
            }

            // Both sample means have a standard error of std/√4000; 6 combined standard errors (plus 0.01) is far outside chance.
            var tolerance = (6 * std * Math.Sqrt(2.0 / runs)) + 0.01;
            Assert.True(Math.Abs((sum / runs) - mean) <= tolerance, $"F={frames}: mean {sum / runs:F3} vs Python {mean:F3} (±{tolerance:F3})");
        }
    }

    /// <summary>Every blink is the 5-frame profile, gaps are 10 .. min(F/2, 70) − 1, and the last frame is never in a blink.</summary>
    private static void AssertValidBlinks(float[] ratio)
    {
        var frames = ratio.Length;
        var maxGap = Math.Min(frames / 2, 70) - 1;
        var pos = 0;
        var i = 0;
        while (i < frames)
        {
            if (ratio[i] == 0)
            {
                i++;
                continue;
            }

            var gap = i - pos;
            Assert.InRange(gap, 10, maxGap);
            Assert.Equal(BlinkSequence.Profile.ToArray(), ratio.AsSpan(i, 5).ToArray());
            Assert.True(i + 4 <= frames - 2, "a blink must end before the last frame");
            pos = i + 5;
            i = pos;
        }

        // No further blink fitted: the reference stops at the first gap that does not fit, so the tail is < maxGap + 5 long or the gap drawn was too big.
        Assert.True(frames - 1 - pos < maxGap + 5 + 1);
    }
}
