using System.Diagnostics;
using System.Globalization;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>
/// The face enhancer on one rendered frame after another (sadtalker-facts.md §1 stage 11, §8): five points → FFHQ
/// alignment → restorer → soft-mask paste over the frame upscaled ×2. All buffers are allocated once per render.
/// </summary>
/// <remarks>
/// Named deviations from GFPGANer(upscale 2) + FaceRestoreHelper:
/// <list type="bullet">
/// <item>Upscale = min(2, 2048 / long side), at least 1, sizes rounded down to even (H.264): a 1280×720 frame becomes
/// 2048×1152 instead of 2560×1440, which bounds the encoder's work and memory per frame.</item>
/// <item>No ParseNet face-parsing mask (not in the pack contract): the blend uses the eroded, blurred box alone.</item>
/// <item>The background is upscaled bilinearly (the reference: Lanczos, or Real-ESRGAN which we do not have).</item>
/// <item>One face per frame (the detector's best) where the reference restores every face it finds.</item>
/// <item>Points: BlazeFace on every frame (<see cref="IFacePointSource"/>); a frame without a face reuses the previous
/// frame's points, and before the first detection the portrait's own landmarks are used.</item>
/// </list>
/// </remarks>
internal sealed class FrameEnhancer
{
    /// <summary>Longest output side the enhancer produces.</summary>
    public const int MaxLongSide = 2048;

    private const int FaceBytes = FfhqAlignment.FaceSize * FfhqAlignment.FaceSize * RgbImage.Channels;

    private readonly FaceEnhancer _network;
    private readonly IFacePointSource _points;
    private readonly double[] _current = new double[10];
    private readonly double[] _last;
    private readonly byte[] _aligned = new byte[FaceBytes];
    private readonly byte[] _restored = new byte[FaceBytes];
    private readonly Stopwatch _clock = new();

    /// <param name="network">The restorer.</param>
    /// <param name="points">The per-frame point source.</param>
    /// <param name="fallback">Five points in frame pixels for frames before the first detection.</param>
    /// <param name="width">Input frame width (even).</param>
    /// <param name="height">Input frame height (even).</param>
    public FrameEnhancer(FaceEnhancer network, IFacePointSource points, ReadOnlySpan<double> fallback, int width, int height)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _points = points ?? throw new ArgumentNullException(nameof(points));
        _last = fallback.Length == 10 ? fallback.ToArray() : throw new ArgumentException("The fallback needs five points.", nameof(fallback));
        (Width, Height) = (width, height);
        Upscale = UpscaleFor(width, height);
        (OutputWidth, OutputHeight) = (Even(width * Upscale), Even(height * Upscale));
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The nominal upscale: min(2, 2048 / long side), at least 1.</summary>
    public double Upscale { get; }

    public int OutputWidth { get; }

    public int OutputHeight { get; }

    /// <summary>Time spent enhancing so far (detection, alignment, restorer, paste).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Name of the enhancer's nested timing in render reports (and the benchmark's stage rows).</summary>
    public const string TimingName = "Enhancing faces (in rendering)";

    /// <summary>Frames enhanced so far.</summary>
    public int Frames { get; private set; }

    /// <summary>Frames on which the detector found no face and earlier points were reused.</summary>
    public int FramesWithoutFace { get; private set; }

    /// <summary><paramref name="last"/> with this enhancer's time (a nested timing) and a job-log line about it.</summary>
    public EngineProgress Summary(EngineProgress last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var seconds = Elapsed.TotalSeconds;
        var rate = seconds > 0 ? Frames / seconds : 0;
        var fallback = FramesWithoutFace == 0 ? string.Empty
            : $"; no face found on {FramesWithoutFace} of {Frames} frames, so earlier points (first: the portrait's) were reused";
        return last with
        {
            Timing = new EngineTiming(TimingName, Elapsed),
            Notice = string.Create(CultureInfo.InvariantCulture, $"Face enhancer: {Frames} frames to {OutputWidth}x{OutputHeight} in {seconds:0.0} s ({rate:0.0} frames/s){fallback}."),
        };
    }

    public static double UpscaleFor(int width, int height) => Math.Max(1, Math.Min(2, (double)MaxLongSide / Math.Max(width, height)));

    /// <summary>Enhances one Width × Height RGB24 frame into <paramref name="destination"/> (OutputWidth × OutputHeight).</summary>
    public void Enhance(byte[] frame, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _clock.Start();
        Frames++;
        try
        {
            var image = new RgbImage(Width, Height, frame);
            if (_points.TryLocate(image, _current))
            {
                _current.CopyTo(_last, 0);
            }
            else
            {
                FramesWithoutFace++;
            }

            var (sx, sy) = ((double)OutputWidth / Width, (double)OutputHeight / Height);
            ImageResize.Bilinear(frame, Width, Height, destination, OutputWidth, OutputHeight);
            if (!FfhqAlignment.IsUsable(_last))
            {
                return; // eyes under 5 px apart: the reference leaves such faces alone
            }

            var frameToFace = FfhqAlignment.Fit(_last);
            FfhqAlignment.Warp(frame, Width, Height, frameToFace, _aligned);
            _network.Restore(_aligned, _restored);
            FacePaste.Blend(_restored, frameToFace, destination, OutputWidth, OutputHeight, sx, sy, Upscale);
        }
        finally
        {
            _clock.Stop();
        }
    }

    private static int Even(double size) => Math.Max(2, (int)size & ~1);
}
