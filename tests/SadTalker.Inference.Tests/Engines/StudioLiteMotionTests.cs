using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines.StudioLite;

namespace SadTalker.Inference.Tests.Engines;

/// <summary>Blinks, head-motion noise and the mouth drive of Studio Lite, without rendering.</summary>
public sealed class StudioLiteMotionTests
{
    private const int Frames = 25 * 600;

    [Fact]
    public void BlinkSchedule_TenMinutes_NaturalIntervalsAndDurations()
    {
        var blinks = Blinks(new BlinkSchedule(new Random(11)), Frames);

        Assert.InRange(blinks[0].Start, 15, 75);
        Assert.All(blinks, b => Assert.InRange(b.Length, 4, 6));
        var gaps = blinks.Zip(blinks.Skip(1), (a, b) => b.Start - a.Start - a.Length).ToList();
        Assert.All(gaps, g => Assert.InRange(g, 50, 150));
        Assert.InRange(gaps.Average(), 85, 115);
    }

    [Fact]
    public void BlinkSchedule_ProfileClosesFullyInTheMiddle()
    {
        var schedule = new BlinkSchedule(new Random(3));
        var values = Enumerable.Range(0, 400).Select(_ => schedule.Next()).ToArray();
        var first = Array.FindIndex(values, v => v > 0);
        var blink = values.Skip(first).TakeWhile(v => v > 0).ToArray();

        Assert.InRange(blink.Max(), 0.99f, 1f);
        Assert.InRange(blink[0], 0.4f, 0.6f);
        Assert.InRange(blink[^1], 0.4f, 0.6f);
    }

    [Fact]
    public void BlinkSchedule_SameSeedSameBlinks_OtherSeedOthers()
    {
        Assert.Equal(Blinks(new BlinkSchedule(new Random(5)), 3000), Blinks(new BlinkSchedule(new Random(5)), 3000));
        Assert.NotEqual(Blinks(new BlinkSchedule(new Random(5)), 3000), Blinks(new BlinkSchedule(new Random(6)), 3000));
    }

    [Fact]
    public void SmoothNoise_BoundedAndSmooth()
    {
        var noise = new SmoothNoise(new Random(1), 40);
        var values = Enumerable.Range(0, 4000).Select(_ => noise.Next()).ToArray();

        // Catmull-Rom can overshoot its keys a little; frame-to-frame steps stay small (no jumps at keys).
        Assert.All(values, v => Assert.InRange(v, -1.3f, 1.3f));
        Assert.True(values.Max() > 0.5f && values.Min() < -0.5f, "it does move");
        var steps = values.Zip(values.Skip(1), (a, b) => Math.Abs(b - a)).ToArray();
        Assert.InRange(steps.Max(), 0, 0.12f);
    }

    [Fact]
    public void MouthDrive_SilenceThenTone_ClosedThenOpenThenClosed()
    {
        // 1 s silence, 1 s of a -20 dBFS 200 Hz tone, 1 s silence.
        var samples = new float[48000];
        for (var i = 16000; i < 32000; i++)
        {
            samples[i] = 0.1f * MathF.Sqrt(2) * MathF.Sin(2 * MathF.PI * 200 * i / 16000f);
        }

        var analysis = new SpeechAnalysis();
        analysis.Append(samples);
        var drive = MouthDrive.Create(analysis, expressionScale: 1);

        Assert.Equal(75, drive.FrameCount);
        Assert.All(Enumerable.Range(0, 24), i => Assert.Equal(0f, drive.Open(i)));
        Assert.All(Enumerable.Range(28, 20), i => Assert.InRange(drive.Open(i), 0.9f, 1.01f));
        Assert.All(Enumerable.Range(60, 15), i => Assert.Equal(0f, drive.Open(i)));
        Assert.All(Enumerable.Range(60, 15), i => Assert.Equal(0f, drive.Width(i)));
    }

    [Fact]
    public void MouthDrive_ExpressionScale_ScalesTheOpening()
    {
        var analysis = Speech();
        var normal = MouthDrive.Create(analysis, 1);
        var strong = MouthDrive.Create(analysis, 2);
        var none = MouthDrive.Create(analysis, 0);

        Assert.All(Enumerable.Range(0, normal.FrameCount), i =>
        {
            Assert.Equal(2 * normal.Open(i), strong.Open(i), 1e-5f);
            Assert.Equal(0f, none.Open(i));
        });
    }

    [Fact]
    public void MouthDrive_DigitalSilence_AllClosed()
    {
        var analysis = new SpeechAnalysis();
        analysis.Append(new float[16000 * 3]);

        var drive = MouthDrive.Create(analysis, 1);

        Assert.All(Enumerable.Range(0, drive.FrameCount), i => Assert.Equal(0f, drive.Open(i)));
    }

    [Fact]
    public void SpeechAnalysis_MatchesLoudnessEnvelopeAndTiltSeparatesLowFromHigh()
    {
        var low = Tone(150);
        var high = Tone(4000);
        var a = new SpeechAnalysis();
        a.Append(low);
        var b = new SpeechAnalysis();
        b.Append(high);

        var expected = new float[low.Length / 640];
        LoudnessEnvelope.ComputeDbfs(low, expected);
        Assert.Equal(expected, a.LevelDbfs.ToArray());
        Assert.True(a.TiltDb[5] < -15, $"150 Hz tilt {a.TiltDb[5]} dB");
        Assert.True(b.TiltDb[5] > 0, $"4 kHz tilt {b.TiltDb[5]} dB");
    }

    [Fact]
    public void SpeechAnalysis_SplitAnywhere_SameResult()
    {
        var samples = Tone(300);
        var whole = new SpeechAnalysis();
        whole.Append(samples);
        var pieces = new SpeechAnalysis();
        for (var i = 0; i < samples.Length; i += 333)
        {
            pieces.Append(samples.AsSpan(i, Math.Min(333, samples.Length - i)));
        }

        Assert.Equal(whole.LevelDbfs.ToArray(), pieces.LevelDbfs.ToArray());
        Assert.Equal(whole.TiltDb.ToArray(), pieces.TiltDb.ToArray());
    }

    [Fact]
    public void MotionTrack_Still_NoHeadMotionButBlinks()
    {
        var track = new MotionTrack(MouthDrive.Create(Speech(), 1), seed: 4, poseStyle: 0, still: true, faceSize: 90);
        var poses = Enumerable.Range(0, track.FrameCount).Select(_ => track.Next()).ToList();

        Assert.All(poses, p => Assert.Equal((0f, 0f, 0f), (p.Roll, p.ShiftX, p.ShiftY)));
        Assert.Contains(poses, p => p.Blink > 0.9f);
    }

    [Fact]
    public void MotionTrack_Moving_SmallRollAndShift()
    {
        var track = new MotionTrack(MouthDrive.Create(Speech(), 1), seed: 4, poseStyle: 7, still: false, faceSize: 100);
        var poses = Enumerable.Range(0, track.FrameCount).Select(_ => track.Next()).ToList();

        Assert.All(poses, p =>
        {
            Assert.InRange(p.Roll * 180 / MathF.PI, -2.6f, 2.6f);
            Assert.InRange(p.ShiftX, -2f, 2f);
            Assert.InRange(p.ShiftY, -2.2f, 2.2f);
        });
        Assert.Contains(poses, p => Math.Abs(p.Roll) > 0.005f);
    }

    private static List<(int Start, int Length)> Blinks(BlinkSchedule schedule, int frames)
    {
        var blinks = new List<(int Start, int Length)>();
        var start = -1;
        for (var i = 0; i < frames; i++)
        {
            var closed = schedule.Next() > 0;
            if (closed && start < 0)
            {
                start = i;
            }
            else if (!closed && start >= 0)
            {
                blinks.Add((start, i - start));
                start = -1;
            }
        }

        return blinks;
    }

    private static float[] Tone(float hz)
    {
        var samples = new float[16000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = 0.2f * MathF.Sin(2 * MathF.PI * hz * i / 16000f);
        }

        return samples;
    }

    /// <summary>Syllable-like bursts: a 180 Hz tone gated on and off at 4 Hz.</summary>
    private static SpeechAnalysis Speech()
    {
        var samples = new float[16000 * 4];
        for (var i = 0; i < samples.Length; i++)
        {
            var on = (i / 2000) % 2 == 0;
            samples[i] = on ? 0.15f * MathF.Sin(2 * MathF.PI * 180 * i / 16000f) : 0;
        }

        var analysis = new SpeechAnalysis();
        analysis.Append(samples);
        return analysis;
    }
}
