using SadTalker.Inference.Audio;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx;

/// <summary>
/// SadTalker (CVPR 2023) inference with each network as an ONNX file of the model pack and every step around them in
/// C# (sadtalker-facts.md is the specification; models/manifest.json the pack contract).
/// </summary>
/// <remarks>
/// Stages: face (BlazeFace box; 68 landmarks from the pack's 98-point model, a required file), crop and 3DMM,
/// audio → motion (with reference eye-blink/pose videos), render + paste-back, and the optional face enhancer (its file
/// is optional too; asking for it without the file is refused up front).
/// Networks are loaded per render, so concurrent renders share nothing. REVIEW: cache sessions across renders once
/// the wrappers are stateless (the renderer keeps the job's source).
/// </remarks>
public sealed class SadTalkerEngine : ITalkingHeadEngine, IDisposable
{
    public const string EngineId = "sadtalker";

    private const string FaceModel = "blazeface/face_detection_front_128x128_barracuda.onnx";

    private readonly SessionFactory _sessions;
    private readonly string _modelsDirectory;
    private readonly PackContract _pack;
    private readonly string _packDirectory;
    private readonly Lazy<BlazeFaceDetector> _detector;
    private readonly CachedPackVerification _verification;

    public SadTalkerEngine(SessionFactory sessions, string modelsDirectory, string? packDirectory = null)
    {
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _modelsDirectory = modelsDirectory;
        _pack = SadTalkerPack.LoadContract(modelsDirectory);
        _packDirectory = SadTalkerPack.ResolveDirectory(_pack, modelsDirectory, packDirectory);
        _detector = new(() => new BlazeFaceDetector(sessions, Path.Combine(_modelsDirectory, FaceModel)));
        _verification = new CachedPackVerification(_pack, _packDirectory, sessions);
    }

    /// <summary>Where the enhancer finds each frame's face; null for BlazeFace on every frame (tests inject a fixed source).</summary>
    public IFacePointSource? PointSource { get; init; }

    /// <summary>The pack folder this engine loads its networks from.</summary>
    public string PackDirectory => _packDirectory;

    public string Id => EngineId;

    public string DisplayName => "SadTalker (ONNX)";

    public string Version => "1.0.0";

    /// <summary>
    /// What the engine does with the pack as it is now: the enhancer is offered only while its optional file is
    /// present, so the Generate page disables it (and a submission is refused) instead of failing at render time.
    /// </summary>
    public EngineCapabilities Capabilities =>
        AllCapabilities with { Enhancer = _pack.Find(ModelRoles.Enhancer) is { } enhancer && File.Exists(Path.Combine(_packDirectory, enhancer.File)) };

    private static EngineCapabilities AllCapabilities { get; } = new()
    {
        PreprocessModes = [PreprocessMode.Crop, PreprocessMode.ExtCrop, PreprocessMode.Resize, PreprocessMode.Full, PreprocessMode.ExtFull],
        Sizes = [256, 512],
        Stages = [Stages.Face, Stages.Motion, Stages.Frames],
        ExpressionScale = true,
        PoseStyle = true,
        Enhancer = true,
        BatchRendering = true,
        FreeView = true,
        ReferenceVideos = true,
        Deterministic = true,
    };

    /// <summary>
    /// Presence first (cheap); when every file is there, the full contract check, cached until a file changes, so an
    /// invalid pack is reported unavailable with its mismatches instead of failing mid-job.
    /// </summary>
    public EngineAvailability CheckAvailability()
    {
        var presence = ModelPackVerifier.CheckPresence(_pack, _packDirectory);
        return presence.IsUsable ? _verification.Current().ToAvailability() : presence.ToAvailability();
    }

    /// <summary>The full contract check of the pack (cached until a file changes).</summary>
    public PackVerification VerifyPack() => _verification.Current();

    /// <summary>The pack files present now, in contract order: what a render may load (hashed into provenance).</summary>
    public IReadOnlyList<string> PresentModelFiles() => PresentModelFiles(_pack, _packDirectory, _modelsDirectory);

    /// <summary><see cref="PresentModelFiles()"/> without creating an engine (the CLI's provenance list).</summary>
    public static IReadOnlyList<string> ModelFiles(string modelsDirectory, string? packDirectory)
    {
        var pack = SadTalkerPack.LoadContract(modelsDirectory);
        return PresentModelFiles(pack, SadTalkerPack.ResolveDirectory(pack, modelsDirectory, packDirectory), modelsDirectory);
    }

    public async Task RenderAsync(EngineRequest request, IFrameSink sink, IProgress<EngineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var options = request.Options;
        var errors = request.Validate().Concat(AllCapabilities.Validate(options)).Distinct().ToList();
        var presence = ModelPackVerifier.CheckPresence(_pack, _packDirectory);
        if (presence.IsUsable && !presence.RendererSizes.Contains(options.Size))
        {
            errors.Add($"The model pack has no renderer for size {options.Size}; it has {string.Join(", ", presence.RendererSizes)}.");
        }

        if (presence.IsUsable && options.Preprocess is PreprocessMode.Full or PreprocessMode.ExtFull && !presence.HasFullModes)
        {
            errors.Add("Full and extfull need mapping_73.onnx, which the model pack lacks.");
        }

        if (presence.IsUsable && options.Enhancer && !presence.HasEnhancer)
        {
            errors.Add($"The face enhancer needs {_pack.Find(ModelRoles.Enhancer)?.File ?? "gfpgan_512.onnx"}, which the model pack lacks; add it or turn the enhancer off.");
        }

        if (errors.Count > 0)
        {
            throw new EngineInputException(EngineInputError.InvalidOptions, string.Join(" ", errors));
        }

        if (!presence.IsUsable)
        {
            throw new InvalidOperationException(presence.ToAvailability().Reason);
        }

        var fullMode = options.Preprocess is PreprocessMode.Full or PreprocessMode.ExtFull;
        progress?.Report(new EngineProgress(Stages.Face, 0, 3, 0));
        var portrait = request.Portrait ?? await DecodeAsync(request.PortraitPath!, cancellationToken).ConfigureAwait(false);
        var face = request.Face ?? _detector.Value.Detect(portrait).FirstOrDefault()
            ?? throw new EngineInputException(EngineInputError.NoFace, "No face was found in the portrait. Use a photo with one clearly visible, front-facing face.");

        using var landmarkModel = new FaceLandmarks98(_sessions, _packDirectory, _pack);
        var landmarker = new FaceLandmarker(_detector.Value, landmarkModel);
        using var recon = new FaceRecon(_sessions, _packDirectory, _pack);
        var observer = _sessions.StageObserver;
        observer?.Record("face", "box", [face.Box.X, face.Box.Y, face.Box.Right, face.Box.Bottom]);
        var landmarks = landmarker.Of(portrait, face);
        var source = SourceFace.Prepare(portrait, landmarks, options.Preprocess, options.Size, recon, crop =>
        {
            // §3's second pass on the size² crop; the box it used (none: the five standard points) is a hand-off too.
            var cropFace = landmarker.Detect(crop);
            observer?.Record("source", "crop_box", cropFace is null ? [] : [cropFace.Box.X, cropFace.Box.Y, cropFace.Box.Right, cropFace.Box.Bottom]);
            return cropFace is null ? null : landmarker.Of(crop, cropFace);
        });
        observer?.Observe("source", "image", [source.Image.Height, source.Image.Width, 3]);
        observer?.Observe("source", "coeff_3dmm", [1, source.Coefficients.Length]);
        observer?.Record("source", "coeff_3dmm", source.Coefficients);

        progress?.Report(new EngineProgress(Stages.Motion, 1, 3, 5));
        var audio = await ExtractAudioAsync(request.AudioPath, cancellationToken).ConfigureAwait(false);
        var references = await LoadReferencesAsync(options, new ReferenceVideos(landmarker, recon, options.Preprocess, observer), progress, cancellationToken)
            .ConfigureAwait(false);
        var random = new Random(options.Seed ?? Random.Shared.Next());
        float[] coefficients;
        using (var expNet = new ExpNet(_sessions, _packDirectory, _pack))
        using (var poseVae = new PoseVae(_sessions, _packDirectory, _pack))
        {
            coefficients = MotionSynthesis.Predict(audio, source.Coefficients, options.PoseStyle, random, expNet, poseVae, references, observer);
        }

        ObserveMotion(observer, references, coefficients);

        progress?.Report(new EngineProgress(Stages.Frames, 2, 3, 15) { FramesTotal = audio.FrameCount });
        using var mapping = new MappingNet(_sessions, _packDirectory, _pack, fullMode);
        using var keypoints = new KeypointDetector(_sessions, _packDirectory, _pack, options.Size);
        using IFaceRenderer renderer = presence.HasSplitGenerator(options.Size)
            ? new SplitGenerator(_sessions, _packDirectory, _pack, options.Size)
            : new Generator(_sessions, _packDirectory, _pack, options.Size);
        using var enhancer = options.Enhancer ? new FaceEnhancer(_sessions, _packDirectory, _pack) : null;
        var restoration = enhancer is null ? null : new EnhancerSetup(enhancer, PointSource ?? new BlazeFacePoints(_detector.Value), landmarks);
        var composer = new FrameComposer(source, options, mapping, keypoints, renderer, portrait, restoration, observer);
        await composer.RenderAsync(
            coefficients,
            sink,
            done => progress?.Report(new EngineProgress(Stages.Frames, 2, 3, 15 + (85.0 * done / audio.FrameCount)) { FramesDone = done, FramesTotal = audio.FrameCount }),
            cancellationToken).ConfigureAwait(false);
        foreach (var timing in composer.Timings)
        {
            progress?.Report(new EngineProgress(Stages.Frames, 2, 3, 100) { FramesDone = audio.FrameCount, FramesTotal = audio.FrameCount, Timing = timing });
        }

        if (composer.Enhancement is { } enhanced)
        {
            progress?.Report(enhanced.Summary(new EngineProgress(Stages.Frames, 2, 3, 100) { FramesDone = audio.FrameCount, FramesTotal = audio.FrameCount }));
        }
    }

    public void Dispose()
    {
        if (_detector.IsValueCreated)
        {
            _detector.Value.Dispose();
        }
    }

    /// <summary>§1 stages 2 and 5 outputs: the reference videos' coeff_3dmm rows (N×73) and the clip's T×70 motion.</summary>
    private static void ObserveMotion(IStageObserver? observer, MotionReferences references, float[] coefficients)
    {
        if (observer is null)
        {
            return;
        }

        foreach (var (name, rows) in new[] { ("eyeblink", references.Eyeblink), ("pose", references.Pose) })
        {
            if (rows is not null)
            {
                observer.Observe("reference", name, [rows.Length / MotionReferences.Width, MotionReferences.Width]);
            }
        }

        observer.Observe("motion", "coeff_3dmm", [coefficients.Length / MotionSynthesis.Width, MotionSynthesis.Width]);
        observer.Record("motion", "coeff_3dmm", coefficients);
    }

    private static List<string> PresentModelFiles(PackContract pack, string packDirectory, string modelsDirectory) =>
        pack.Models.Select(m => Path.Combine(packDirectory, m.File)).Where(File.Exists).Prepend(Path.Combine(modelsDirectory, FaceModel)).ToList();

    /// <summary>
    /// §1 stage 2 (cropped at 256² whatever <c>options.Size</c>, as the reference does), reported inside the motion
    /// stage (5 → 13 %) as frames of the reference videos are read.
    /// </summary>
    private static async Task<MotionReferences> LoadReferencesAsync(
        GenerationOptions options, ReferenceVideos videos, IProgress<EngineProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.RefEyeblinkPath is null && options.RefPosePath is null)
        {
            return MotionReferences.None;
        }

        var percent = 5.0;
        return await videos.LoadAsync(
            options,
            (done, total) =>
            {
                percent = Math.Max(percent, 5 + (8.0 * Math.Min(1, done / Math.Max(1.0, total))));
                progress?.Report(new EngineProgress(Stages.Motion, 1, 3, percent));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RgbImage> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await FfmpegImageDecoder.DecodeAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolException ex)
        {
            throw new EngineInputException(EngineInputError.UnreadablePortrait, $"The portrait is not a readable image: {ex.Message}", ex);
        }
    }

    private static async Task<AudioFeatures> ExtractAudioAsync(string path, CancellationToken cancellationToken)
    {
        AudioFeatures audio;
        try
        {
            audio = await AudioFeatureExtractor.ExtractFromFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolException ex)
        {
            throw new EngineInputException(EngineInputError.UnreadableAudio, $"The audio could not be read: {ex.Message}", ex);
        }

        return audio.FrameCount > 0
            ? audio
            : throw new EngineInputException(EngineInputError.AudioTooShort, "The audio is shorter than one video frame (40 ms); use a longer recording.");
    }

    private static class Stages
    {
        public const string Face = "Preparing the face";
        public const string Motion = "Audio to motion";
        public const string Frames = "Rendering frames";
    }
}
