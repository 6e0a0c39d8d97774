using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx;

/// <summary>Audio → per-frame [exp 64 | pose 6] coefficients (sadtalker-facts.md §4-§6): blinks, ExpNet, PoseVAE, smoothing.</summary>
/// <remarks>Mel windows are cut per chunk, never for the whole clip at once, so memory is O(T·70) floats.</remarks>
public static class MotionSynthesis
{
    public const int Width = 70;

    /// <param name="references">Reference eye-blink/pose video coefficients (§5, §6); null or <see cref="MotionReferences.None"/> for none.</param>
    /// <param name="observer">Receives the random draws (blink ratios, each chunk's noise) when set.</param>
    /// <returns>T×70 coefficients.</returns>
    public static float[] Predict(
        AudioFeatures audio, float[] source, int poseStyle, Random random, ExpNet expNet, PoseVae poseVae, MotionReferences? references = null,
        IStageObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(expNet);
        ArgumentNullException.ThrowIfNull(poseVae);
        var frames = audio.FrameCount;
        var coeffs = new float[frames * Width];

        // §5: blinks, the source expression as reference for every frame, ExpNet in chunks. With --ref_eyeblink the
        // blink ratio is all zeros and ref_exp[t] = the video's exp[t] (looped/truncated). The blink draw still runs,
        // as in the reference, so the seeded pose noise is the same with or without the reference.
        var blink = new float[frames];
        BlinkSequence.Generate(random, blink);
        float[]? eyeblinkExp = null;
        if (references?.Eyeblink is { } eyeblinkRows)
        {
            Array.Clear(blink);
            eyeblinkExp = new float[frames * 64];
            SequenceLoop.Fill(MotionReferences.Columns(eyeblinkRows, 0, 64), 64, eyeblinkExp);
        }

        observer?.Record("motion", "blink", blink);

        const int chunk = 100;
        var windows = new float[chunk * MelWindows.WindowLength];
        var reference = new float[chunk * 64];
        var exp = new float[chunk * 64];
        for (var i = 0; i < chunk; i++)
        {
            source.AsSpan(0, 64).CopyTo(reference.AsSpan(i * 64));
        }

        for (var start = 0; start < frames; start += chunk)
        {
            var n = Math.Min(chunk, frames - start);
            audio.FillMelWindows(start, start + n, windows);
            var refExp = eyeblinkExp is null ? reference.AsSpan(0, n * 64) : eyeblinkExp.AsSpan(start * 64, n * 64);
            expNet.Predict(windows.AsSpan(0, n * MelWindows.WindowLength), refExp, blink.AsSpan(start, n), exp);
            for (var i = 0; i < n; i++)
            {
                exp.AsSpan(i * 64, 64).CopyTo(coeffs.AsSpan((start + i) * Width));
            }
        }

        // §6: PoseVAE chunks, stitched; pose = reference + motion (frame 0: motion 0); then Savitzky-Golay.
        var pose = new float[frames * 6];
        var refPose = source.AsSpan(64, 6).ToArray();
        for (var t = 0; t < frames; t++)
        {
            refPose.CopyTo(pose, t * 6);
        }

        var plan = PoseChunkPlan.Create(frames);
        var chunkWindows = new float[PoseChunkPlan.ChunkLength * MelWindows.WindowLength];
        var motion = new float[PoseChunkPlan.ChunkLength * 6];
        var z = new float[64];
        for (var c = 0; c < plan.ChunkCount; c++)
        {
            var sources = plan.SourceFrames(c);
            for (var p = 0; p < sources.Length; p++)
            {
                audio.FillMelWindows(sources[p], sources[p] + 1, chunkWindows.AsSpan(p * MelWindows.WindowLength, MelWindows.WindowLength));
            }

            FillNormal(random, z);
            observer?.Record("motion", "z", z);
            poseVae.Predict(chunkWindows, refPose, z, poseStyle, motion);
            var targets = plan.TargetFrames(c);
            for (var p = 0; p < targets.Length; p++)
            {
                for (var d = 0; d < 6 && targets[p] >= 0; d++)
                {
                    pose[(targets[p] * 6) + d] += motion[(p * 6) + d];
                }
            }
        }

        var window = SavitzkyGolay.PoseWindowFor(frames);
        var smoothed = (float[])pose.Clone();
        if (window > 0)
        {
            SavitzkyGolay.Smooth(pose, 6, window, SavitzkyGolay.PoseOrder, smoothed);
        }

        if (references?.Pose is { } refPoseRows)
        {
            // §6/§12 quirk, reproduced: the reference's motion relative to its first frame is ADDED to the predicted,
            // smoothed pose (not substituted for it), looped or truncated to the audio length.
            SequenceLoop.AddRelativeMotion(MotionReferences.Columns(refPoseRows, 64, 6), smoothed);
        }

        for (var t = 0; t < frames; t++)
        {
            smoothed.AsSpan(t * 6, 6).CopyTo(coeffs.AsSpan((t * Width) + 64));
        }

        return coeffs;
    }

    /// <summary>N(0, 1) by Box–Muller from the job's seeded generator (the reference's torch.randn is unseeded, §12).</summary>
    private static void FillNormal(Random random, Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            destination[i] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
