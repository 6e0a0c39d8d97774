using System.Diagnostics;
using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx;

/// <summary>
/// Facerender and post-processing (sadtalker-facts.md §7-§8): coefficients → MappingNet → keypoints → renderer →
/// output frames (crop modes: resized to the crop's aspect; full modes: Poisson-pasted into the portrait), streamed;
/// with an enhancer, each composed frame is then restored and upscaled (<see cref="FrameEnhancer"/>, §8).
/// </summary>
/// <remarks>
/// Frames are rendered in contiguous batches (<see cref="RenderBatchPlan.Streaming"/>), which gives the same frames as
/// the reference grouping because the renderer has no state between frames, and lets every batch go to the sink at
/// once. REVIEW: free-view angles replace the driving angles from MappingNet (§7); the source keeps its own pose.
/// </remarks>
internal sealed class FrameComposer(
    SourceFace source,
    GenerationOptions options,
    MappingNet mapping,
    KeypointDetector keypoints,
    IFaceRenderer renderer,
    RgbImage portrait,
    EnhancerSetup? enhancer = null,
    IStageObserver? observer = null)
{
    private FrameEnhancer? _enhancer;
    private RgbImage? _patch;
    private RgbImage? _canvas;
    private readonly long[] _ticks = new long[TimingNames.Length];

    /// <summary>Where the frame stage's time went (our own C# vs the networks), for the benchmark and the job's timings.</summary>
    private static readonly string[] TimingNames =
    [
        "Windows, MappingNet, keypoints (in rendering)",
        "Renderer network (in rendering)",
        "Resize / paste-back (in rendering)",
        "Handing frames to the encoder (in rendering)",
    ];

    /// <summary>The frame stage's parts measured so far (the enhancer's own time is <see cref="Enhancement"/>).</summary>
    public IReadOnlyList<EngineTiming> Timings =>
        TimingNames.Select((name, i) => new EngineTiming(name, Stopwatch.GetElapsedTime(0, _ticks[i]))).ToList();

    /// <summary>The enhancer of this render once frames started (null without one): its time and fallbacks.</summary>
    public FrameEnhancer? Enhancement => _enhancer;

    /// <summary>Size of the frames the sink receives: the composed size, or the enhancer's upscaled size.</summary>
    public (int Width, int Height) OutputSize => Enhancer() is { } e ? (e.OutputWidth, e.OutputHeight) : ComposedSize;

    /// <summary>Size of a frame after the renderer and paste-back (before the enhancer).</summary>
    public (int Width, int Height) ComposedSize
    {
        get
        {
            if (source.Crop is not null && options.Preprocess is PreprocessMode.Full or PreprocessMode.ExtFull)
            {
                return (portrait.Width & ~1, portrait.Height & ~1);
            }

            var (w, h) = source.Crop?.FaceSize ?? (portrait.Width, portrait.Height);
            return (renderer.Size, Math.Max(2, (int)((long)renderer.Size * h / w) & ~1)); // §8: (size, ⌊size·h/w⌋), even for the encoder
        }
    }

    /// <param name="coefficients">The T×70 motion (§6); crop modes reuse it as the facerender input, so it is overwritten.</param>
    public async Task RenderAsync(float[] coefficients, IFrameSink sink, Action<int> framesDone, CancellationToken cancellationToken)
    {
        var fullMode = options.Preprocess is PreprocessMode.Full or PreprocessMode.ExtFull;
        var channels = FacerenderCoefficients.Channels(fullMode);
        var frames = coefficients.Length / MotionSynthesis.Width;
        // Crop modes prepare in place (row t is read whole before it is written, same width): one T×70 array fewer.
        var prepared = channels == MotionSynthesis.Width ? coefficients : new float[frames * channels];
        FacerenderCoefficients.Prepare(coefficients, source.Coefficients, options.ExpressionScale, options.Still, fullMode, prepared);
        observer?.Observe("facerender", "coeffs", [frames, channels]);

        renderer.SetSource(source.Image);
        var canonical = keypoints.Detect(source.Image);
        var sourceWindow = new float[channels * SemanticWindows.Length];
        SemanticWindows.Fill(source.Coefficients.AsSpan(0, channels), channels, 0, sourceWindow);
        var kpSource = Keypoints(canonical, mapping.Predict(sourceWindow, 1)[0], null);

        var yaw = FreeView(options.InputYaw, frames);
        var pitch = FreeView(options.InputPitch, frames);
        var roll = FreeView(options.InputRoll, frames);
        var (width, height) = ComposedSize;
        var restorer = Enhancer();
        var (outputWidth, outputHeight) = OutputSize;
        await sink.BeginAsync(outputWidth, outputHeight, frames, cancellationToken).ConfigureAwait(false);
        observer?.Observe("output", "frame", [outputHeight, outputWidth, 3]);

        var batch = Math.Clamp(options.BatchSize, 1, renderer.MaxBatch);
        var size = renderer.Size;
        var windows = new float[batch * channels * SemanticWindows.Length];
        var kpDriving = new float[batch * 45];
        var rendered = new byte[batch * size * size * 3];
        var output = new byte[width * height * 3];
        var enhanced = restorer is null ? output : new byte[outputWidth * outputHeight * 3];
        foreach (var range in RenderBatchPlan.Streaming(frames, batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, count) = (range.Start.Value, range.End.Value - range.Start.Value);
            var clock = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                SemanticWindows.Fill(prepared, channels, start + i, windows.AsSpan(i * channels * SemanticWindows.Length, channels * SemanticWindows.Length));
            }

            var motions = mapping.Predict(windows.AsSpan(0, count * channels * SemanticWindows.Length), count);
            for (var i = 0; i < count; i++)
            {
                var angles = (Yaw: yaw?[start + i], Pitch: pitch?[start + i], Roll: roll?[start + i]);
                Keypoints(canonical, motions[i], angles).CopyTo(kpDriving, i * 45);
            }

            Lap(0, ref clock);
            renderer.Render(kpSource, kpDriving, count, rendered);
            Lap(1, ref clock);
            for (var i = 0; i < count; i++)
            {
                Compose(rendered.AsSpan(i * size * size * 3, size * size * 3), output, width, height);
                Lap(2, ref clock);
                restorer?.Enhance(output, enhanced); // timed by the enhancer itself
                clock = Stopwatch.GetTimestamp();
                await sink.WriteFrameAsync(enhanced, cancellationToken).ConfigureAwait(false);
                Lap(3, ref clock);
            }

            framesDone(start + count);
        }
    }

    private void Lap(int part, ref long clock)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[part] += now - clock;
        clock = now;
    }

    private FrameEnhancer? Enhancer()
    {
        if (enhancer is null || _enhancer is not null)
        {
            return _enhancer;
        }

        var (width, height) = ComposedSize;
        var fallback = SourcePoints.InFrame(enhancer.SourceLandmarks, portrait.Width, portrait.Height, source.Crop, options.Preprocess, width, height);
        return _enhancer = new FrameEnhancer(enhancer.Network, enhancer.Points, fallback, width, height);
    }

    private static float[]? FreeView(IReadOnlyList<int>? keys, int frames)
    {
        if (keys is null || keys.Count == 0)
        {
            return null;
        }

        var path = new float[frames];
        FreeViewPath.Build(keys, path);
        return path;
    }

    private static float[] Keypoints(float[] canonical, HeadMotion motion, (float? Yaw, float? Pitch, float? Roll)? freeView)
    {
        var rotation = new float[9];
        HeadPose.Rotation(
            freeView?.Yaw ?? motion.Yaw, freeView?.Pitch ?? motion.Pitch, freeView?.Roll ?? motion.Roll, RotationAngle.ReferenceQuirk, rotation);
        var kp = new float[45];
        KeypointTransform.Apply(canonical, rotation, motion.Translation, motion.Delta, kp);
        return kp;
    }

    private void Compose(ReadOnlySpan<byte> frame, byte[] output, int width, int height)
    {
        var size = renderer.Size;
        if (source.Crop is not { } crop || options.Preprocess is not (PreprocessMode.Full or PreprocessMode.ExtFull))
        {
            ImageResize.Bilinear(frame, size, size, output, width, height);
            return;
        }

        // §8 paste-back: the frame resized to the paste rectangle, Poisson-blended into the portrait.
        // The reference fails when the rectangle touches the image edge (issue #446); here the rectangle is cut to keep one pixel.
        var (l, t, r, b) = crop.PasteRectangle(options.Preprocess == PreprocessMode.ExtFull);
        // The patch and the canvas are reused frame to frame (the canvas starts as the portrait again each time).
        var patch = _patch is { } reused && reused.Width == r - l && reused.Height == b - t ? reused : _patch = new RgbImage(r - l, b - t);
        ImageResize.Bilinear(frame, size, size, patch.Pixels, patch.Width, patch.Height);
        var (cl, ct, cr, cb) = (Math.Max(l, 1), Math.Max(t, 1), Math.Min(r, portrait.Width - 1), Math.Min(b, portrait.Height - 1));
        var canvas = _canvas ??= new RgbImage(portrait.Width, portrait.Height);
        portrait.Pixels.CopyTo(canvas.Pixels, 0);
        if (cr - cl >= 5 && cb - ct >= 5)
        {
            var inside = (cl, ct, cr, cb) == (l, t, r, b) ? patch : CropImages.Cut(patch, cl - l, ct - t, cr - l, cb - t);
            PoissonClone.NormalClone(canvas, inside, cl, ct);
        }

        for (var y = 0; y < height; y++)
        {
            canvas.GetRow(y)[..(width * 3)].CopyTo(output.AsSpan(y * width * 3, width * 3));
        }
    }
}
