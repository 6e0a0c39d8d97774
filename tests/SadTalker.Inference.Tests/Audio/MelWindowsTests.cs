using SadTalker.Inference.Audio;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Audio;

public sealed class MelWindowsTests
{
    [Theory]
    [InlineData(0, -6)]
    [InlineData(1, -3)]
    [InlineData(2, 0)]
    [InlineData(3, 3)]
    [InlineData(7, 16)]
    [InlineData(27, 80)]
    [InlineData(49, 150)]
    public void Start_TruncatesTowardZero(int frame, int start) => Assert.Equal(start, MelWindows.Start(frame));

    [Fact]
    public void Start_EqualsExactRationalTruncation_ForTenMinutes()
    {
        // trunc(80·(i−2)/25) in double never lands on the wrong side of an integer (checked up to 15 000 frames).
        for (var i = 0; i < 15_000; i++)
        {
            var k = i - 2;
            var exact = k >= 0 ? 16 * k / 5 : -(-16 * k / 5);
            Assert.Equal(exact, MelWindows.Start(i));
        }
    }

    [Fact]
    public void Fill_ClampsIndicesToFirstAndLastStep()
    {
        // mel[t, b] = 1000·t + b, T_mel = 20, so a window value names the step it came from.
        const int steps = 20;
        var mel = new float[steps * 80];
        for (var t = 0; t < steps; t++)
        {
            for (var b = 0; b < 80; b++)
            {
                mel[(t * 80) + b] = (1000 * t) + b;
            }
        }

        var windows = new float[6 * MelWindows.WindowLength];
        MelWindows.Fill(mel, steps, 0, 6, windows);

        int[][] expectedSteps =
        [
            [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9],        // i=0: −6..9
            [0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],     // i=1: −3..12
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],  // i=2: 0..15
            [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
            [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 19], // i=4: 6..21, clamped to 19
            [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 19, 19, 19, 19],
        ];
        for (var i = 0; i < 6; i++)
        {
            for (var b = 0; b < 80; b++)
            {
                for (var s = 0; s < 16; s++)
                {
                    Assert.Equal((1000 * expectedSteps[i][s]) + b, windows[(i * MelWindows.WindowLength) + (b * 16) + s]);
                }
            }
        }
    }

    [Fact]
    public void Fill_SpeechClip_MatchesNumpyReferenceWindows_WithinOneEMinus3()
    {
        var frames = NpyFile.ReadInt32(AudioReference.File("speech-en-10s_32300_window_frames.npy"));
        var (expected, shape) = NpyFile.ReadFloat32(AudioReference.File("speech-en-10s_32300_windows.npy"));
        Assert.Equal([frames.Length, 80, 16], shape);
        var mel = new float[161 * 80];
        var steps = MelSpectrogram.Compute(AudioReference.SpeechClip(), mel);
        var window = new float[MelWindows.WindowLength];

        for (var j = 0; j < frames.Length; j++)
        {
            MelWindows.Fill(mel, steps, frames[j], frames[j] + 1, window);
            for (var v = 0; v < window.Length; v++)
            {
                var reference = expected[(j * MelWindows.WindowLength) + v];
                Assert.True(
                    Math.Abs(window[v] - reference) <= 1e-3,
                    $"frame {frames[j]} band {v / 16} step {v % 16}: {window[v]} vs {reference} (tolerance 1e-3)");
            }
        }
    }

    [Fact]
    public void Fill_RejectsBadRanges()
    {
        var mel = new float[10 * 80];
        Assert.Throws<ArgumentOutOfRangeException>(() => MelWindows.Fill(mel, 10, -1, 0, new float[1280]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MelWindows.Fill(mel, 10, 2, 1, new float[1280]));
        Assert.Throws<ArgumentException>(() => MelWindows.Fill(mel, 10, 0, 2, new float[1280]));
        Assert.Throws<ArgumentException>(() => MelWindows.Fill(mel, 11, 0, 1, new float[1280]));
    }
}
