using System.Diagnostics;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>
/// The built-in engine: needs only BlazeFace (installed with the app) and ffmpeg. The mouth follows the speech
/// loudness (closed in silence), the lids blink at natural random intervals and the head sways gently; the face is
/// animated by a smooth warp of the portrait itself, so the output keeps the portrait's framing and detail.
/// </summary>
/// <remarks>
/// Stages: detect the face, analyse the audio (streamed: 8 bytes per frame are kept), render frames. Every frame is
/// rendered into one reused buffer and handed to the sink, so memory does not grow with the audio length.
/// Thread-safe: renders may run concurrently (each has its own buffers; the face detector session is shared).
/// </remarks>
public sealed class StudioLiteEngine : ITalkingHeadEngine, IDisposable
{
    /// <summary>Engine id for settings and the CLI.</summary>
    public const string EngineId = "studio-lite";

    /// <summary>BlazeFace model under the models folder (models/manifest.json "blazeface-front").</summary>
    public const string FaceModel = "blazeface/face_detection_front_128x128_barracuda.onnx";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _modelPath;
    private readonly MediaTool _ffmpeg;
    private readonly MediaTool _ffprobe;
    private readonly Lazy<BlazeFaceDetector> _detector;

    /// <param name="sessions">ONNX Runtime sessions for the face detector.</param>
    /// <param name="modelsDirectory">The models folder holding <see cref="FaceModel"/>.</param>
    /// <param name="ffmpeg">ffmpeg (default: from PATH).</param>
    /// <param name="ffprobe">ffprobe (default: from PATH).</param>
    public StudioLiteEngine(SessionFactory sessions, string modelsDirectory, MediaTool? ffmpeg = null, MediaTool? ffprobe = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentException.ThrowIfNullOrEmpty(modelsDirectory);
        _modelPath = Path.GetFullPath(Path.Combine(modelsDirectory, FaceModel));
        _ffmpeg = ffmpeg ?? MediaTool.Ffmpeg;
        _ffprobe = ffprobe ?? MediaTool.Ffprobe;
        _detector = new Lazy<BlazeFaceDetector>(() => new BlazeFaceDetector(sessions, _modelPath));
    }

    public string Id => EngineId;

    public string DisplayName => "Studio Lite";

    public string Version => "1.0.0";

    public EngineCapabilities Capabilities { get; } = new()
    {
        PreprocessModes = [PreprocessMode.Full, PreprocessMode.Crop, PreprocessMode.ExtCrop],
        Sizes = [512, 1024],
        Stages = [StageNames.Face, StageNames.Audio, StageNames.Frames],
        ExpressionScale = true,
        PoseStyle = true,
        Deterministic = true,
    };

    public EngineAvailability CheckAvailability()
    {
        if (!File.Exists(_modelPath))
        {
            return EngineAvailability.Unavailable($"Face model missing: {_modelPath}. Run scripts/setup.sh to fetch it.");
        }

        return ExecutableOnPath(_ffmpeg.Executable) && ExecutableOnPath(_ffprobe.Executable)
            ? EngineAvailability.Available("Built in: BlazeFace face detection and ffmpeg are present.")
            : EngineAvailability.Unavailable("ffmpeg/ffprobe not found on PATH; install the Debian package ffmpeg.");
    }

    public async Task RenderAsync(
        EngineRequest request, IFrameSink sink, IProgress<EngineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var errors = request.Validate().Concat(Capabilities.Validate(request.Options)).Distinct().ToList();
        if (errors.Count > 0)
        {
            throw new EngineInputException(EngineInputError.InvalidOptions, string.Join(" ", errors));
        }

        var options = request.Options;
        var report = new StageReporter(progress, Capabilities.Stages.Count);
        report.Stage(0, 0);
        var portrait = request.Portrait ?? await DecodePortraitAsync(request.PortraitPath!, cancellationToken).ConfigureAwait(false);
        var face = request.Face ?? DetectFace(portrait);
        var layout = PortraitLayout.Create(portrait, face, options.Preprocess, options.Size);
        var geometry = FaceGeometry.FromDetection(layout.Face);
        cancellationToken.ThrowIfCancellationRequested();

        report.Stage(1, 3);
        var speech = await AnalyseAudioAsync(request.AudioPath, cancellationToken).ConfigureAwait(false);
        if (speech.FrameCount == 0)
        {
            throw new EngineInputException(
                EngineInputError.AudioTooShort, "The audio is shorter than one video frame (40 ms); use a longer recording.");
        }

        var frames = speech.FrameCount;
        var track = new MotionTrack(
            MouthDrive.Create(speech, options.ExpressionScale),
            options.Seed ?? Random.Shared.Next(),
            options.PoseStyle,
            options.Still,
            layout.Face.Box.Width);
        var renderer = new FaceRenderer(layout.Frame, geometry);

        report.Stage(2, 8, frames);
        await sink.BeginAsync(renderer.Width, renderer.Height, frames, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        for (var i = 0; i < frames; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frame = renderer.Render(track.Next());
            await sink.WriteFrameAsync(frame, cancellationToken).ConfigureAwait(false);
            if (clock.Elapsed - last >= ProgressInterval || i == frames - 1)
            {
                last = clock.Elapsed;
                report.Frames(i + 1, frames, 8 + (92.0 * (i + 1) / frames));
            }
        }
    }

    public void Dispose()
    {
        if (_detector.IsValueCreated)
        {
            _detector.Value.Dispose();
        }
    }

    private FaceDetection DetectFace(RgbImage portrait)
    {
        var detector = _detector.Value;
        var face = detector.Detect(portrait).FirstOrDefault()
            ?? throw new EngineInputException(
                EngineInputError.NoFace,
                "No face was found in the portrait. Use a photo with one clearly visible, front-facing face.");
        return FaceRefinement.Refine(detector, portrait, face);
    }

    private async Task<RgbImage> DecodePortraitAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await FfmpegImageDecoder.DecodeAsync(path, _ffprobe, _ffmpeg, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolException ex)
        {
            throw new EngineInputException(EngineInputError.UnreadablePortrait, $"The portrait is not a readable image: {ex.Message}", ex);
        }
    }

    private async Task<SpeechAnalysis> AnalyseAudioAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await SpeechAnalysis.AnalyseFileAsync(path, _ffmpeg, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolException ex)
        {
            throw new EngineInputException(EngineInputError.UnreadableAudio, $"The audio could not be read: {ex.Message}", ex);
        }
    }

    private static bool ExecutableOnPath(string executable)
    {
        if (Path.IsPathRooted(executable))
        {
            return File.Exists(executable);
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, executable)));
    }

    private static class StageNames
    {
        public const string Face = "Detecting face";
        public const string Audio = "Analysing audio";
        public const string Frames = "Rendering frames";
    }

    /// <summary>Turns stage transitions and frame counts into <see cref="EngineProgress"/> reports.</summary>
    private sealed class StageReporter(IProgress<EngineProgress>? progress, int stageCount)
    {
        private static readonly string[] Names = [StageNames.Face, StageNames.Audio, StageNames.Frames];
        private int _stage;

        public void Stage(int index, double percent, long framesTotal = 0)
        {
            _stage = index;
            progress?.Report(new EngineProgress(Names[index], index, stageCount, percent) { FramesTotal = framesTotal });
        }

        public void Frames(long done, long total, double percent) =>
            progress?.Report(new EngineProgress(Names[_stage], _stage, stageCount, percent) { FramesDone = done, FramesTotal = total });
    }
}
