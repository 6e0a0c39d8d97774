using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Models;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx;

/// <summary>
/// Reference videos in the motion step (§5, §6) with the synthetic pack's ExpNet and PoseVAE (every input moves their
/// outputs, so a wrong reference row or blink ratio changes the result).
/// </summary>
public sealed class MotionSynthesisTests(SadTalkerPackFixture fixture) : IClassFixture<SadTalkerPackFixture>, IDisposable
{
    private const int VideoFrames = 7; // shorter than the audio: the references loop
    private static readonly SessionFactory Sessions = new(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 });

    private readonly ExpNet _expNet = new(Sessions, fixture.PackDirectory, fixture.Contract);
    private readonly PoseVae _poseVae = new(Sessions, fixture.PackDirectory, fixture.Contract);
    private readonly float[] _source = Rows(1, seed: 1);
    private readonly float[] _video = Rows(VideoFrames, seed: 2);

    [Fact]
    public async Task Predict_RefEyeblink_ExpNetGetsZeroRatioAndTheLoopedVideoExp_PoseUnchanged()
    {
        var audio = await Audio();

        var plain = MotionSynthesis.Predict(audio, _source, 3, new Random(9), _expNet, _poseVae);
        var driven = MotionSynthesis.Predict(audio, _source, 3, new Random(9), _expNet, _poseVae, new MotionReferences(_video, null));

        var window = new float[MelWindows.WindowLength];
        var exp = new float[64];
        for (var t = 0; t < audio.FrameCount; t++)
        {
            audio.FillMelWindows(t, t + 1, window);
            _expNet.Predict(window, _video.AsSpan(t % VideoFrames * MotionReferences.Width, 64), [0f], exp);
            for (var k = 0; k < 64; k++)
            {
                Assert.True(Math.Abs(exp[k] - driven[(t * MotionSynthesis.Width) + k]) <= 1e-6, $"frame {t} exp {k}: {driven[(t * MotionSynthesis.Width) + k]} vs ExpNet(zero ratio, video row {t % VideoFrames}) {exp[k]} (tolerance 1e-6)");
            }

            Assert.Equal(Pose(plain, t), Pose(driven, t)); // same seed: the blink draw still runs, so the pose noise matches
        }

        Assert.NotEqual(plain, driven);
    }

    [Fact]
    public async Task Predict_RefPose_AddsTheVideosMotionRelativeToItsFirstFrame_Looped()
    {
        var audio = await Audio();

        var plain = MotionSynthesis.Predict(audio, _source, 3, new Random(9), _expNet, _poseVae);
        var driven = MotionSynthesis.Predict(audio, _source, 3, new Random(9), _expNet, _poseVae, new MotionReferences(null, _video));

        Assert.Equal(audio.FrameCount * MotionSynthesis.Width, driven.Length);
        for (var t = 0; t < audio.FrameCount; t++)
        {
            var row = t % VideoFrames * MotionReferences.Width;
            for (var d = 0; d < 6; d++)
            {
                var expected = plain[(t * MotionSynthesis.Width) + 64 + d] + (_video[row + 64 + d] - _video[64 + d]);
                var actual = driven[(t * MotionSynthesis.Width) + 64 + d];
                Assert.True(Math.Abs(expected - actual) <= 1e-6, $"frame {t} pose {d}: {actual} vs smoothed prediction + (ref[t mod {VideoFrames}] − ref[0]) = {expected} (tolerance 1e-6)");
            }

            Assert.Equal(plain.AsSpan(t * MotionSynthesis.Width, 64).ToArray(), driven.AsSpan(t * MotionSynthesis.Width, 64).ToArray());
        }
    }

    public void Dispose()
    {
        _expNet.Dispose();
        _poseVae.Dispose();
    }

    private static Task<AudioFeatures> Audio() =>
        AudioFeatureExtractor.ExtractFromFileAsync(RepoPaths.Fixture("speech-en-short.wav"), CancellationToken.None);

    private static float[] Pose(float[] coefficients, int t) => coefficients.AsSpan((t * MotionSynthesis.Width) + 64, 6).ToArray();

    /// <summary>Plausible 73-coefficient rows: small exp values, angles within ±0.3 rad, translations within ±0.2.</summary>
    private static float[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new float[count * MotionReferences.Width];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (float)((random.NextDouble() - 0.5) * 0.6);
        }

        return rows;
    }
}
