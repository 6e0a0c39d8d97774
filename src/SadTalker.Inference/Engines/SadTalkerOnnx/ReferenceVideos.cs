using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx;

/// <summary>
/// Reference eye-blink and pose videos → per-frame 73 coefficients (sadtalker-facts.md §1 stage 2), the same crop and
/// 3DMM steps as the source, for every frame at the video's own frame rate, always cropped at 256² whatever the render
/// size (<see cref="CropSize"/>).
/// </summary>
/// <remarks>
/// Frames are streamed from ffmpeg one at a time (only the coefficient rows are kept). The first frame's face sets
/// the crop, reused for every frame (§2; no face there is an input error). Each frame's 3DMM landmarks are §3's second
/// pass on its size² crop (no face → the previous frame's points; none yet → the five standard points).
/// </remarks>
/// <param name="landmarker">Face detection and landmarks.</param>
/// <param name="recon">The 3DMM network.</param>
/// <param name="mode">The render's preprocess mode (the reference crops its videos in the mode it crops the source).</param>
/// <param name="observer">Sees each frame's crop as <c>reference image [256, 256, 3]</c> (diagnostics; may be null).</param>
public sealed class ReferenceVideos(FaceLandmarker landmarker, FaceRecon recon, PreprocessMode mode, IStageObserver? observer = null)
{
    /// <summary>
    /// Side of the reference videos' crop: SadTalker's inference.py calls <c>preprocess_model.generate(ref_video, …,
    /// args.preprocess, source_image_flag=False)</c> without <c>pic_size</c>, so its default 256 applies even when the
    /// source is cropped at 512 (OpenTalker/SadTalker cd4c046 inference.py, src/utils/preprocess.py).
    /// </summary>
    public const int CropSize = 256;

    /// <summary>Longest reference video accepted (a reference only needs a few seconds of motion; it is looped).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The coefficients of the options' reference videos; a file given for both is read once (§1) and both references
    /// are then the same array.
    /// </summary>
    /// <param name="onFrame">Frames done and the expected total (0 when unknown), after each frame.</param>
    public async Task<MotionReferences> LoadAsync(GenerationOptions options, Action<long, long>? onFrame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (blinkPath, posePath) = (options.RefEyeblinkPath, options.RefPosePath);
        if (blinkPath is not null && posePath is not null && SameFile(blinkPath, posePath))
        {
            var both = await ExtractAsync(blinkPath, "eye-blink and pose reference video", onFrame, cancellationToken).ConfigureAwait(false);
            return new MotionReferences(both, both);
        }

        var blink = blinkPath is null ? null : await ExtractAsync(blinkPath, "eye-blink reference video", onFrame, cancellationToken).ConfigureAwait(false);
        var pose = posePath is null ? null : await ExtractAsync(posePath, "pose reference video", onFrame, cancellationToken).ConfigureAwait(false);
        return new MotionReferences(blink, pose);
    }

    /// <summary>Rows of 73 coefficients, one per frame of <paramref name="path"/>.</summary>
    /// <param name="label">What the video is for, as error messages name it ("pose reference video").</param>
    /// <exception cref="EngineInputException">Unreadable, no video stream, too long, or no face in the first frame.</exception>
    public async Task<float[]> ExtractAsync(string path, string label, Action<long, long>? onFrame, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = Path.GetFileName(path);
        var (width, height, expected, maxFrames) = await ProbeAsync(path, label, name, cancellationToken).ConfigureAwait(false);
        var rows = new List<float>((int)Math.Min(expected, 2000) * MotionReferences.Width);
        var frame = new RgbImage(width, height);
        FaceFraming? framing = null;
        float[]? previous = null;
        try
        {
            await using var reader = VideoFrameDecoder.Open(path, width, height);
            while (await reader.ReadAsync(frame, cancellationToken).ConfigureAwait(false))
            {
                if (reader.FramesRead > maxFrames)
                {
                    throw TooLong(label, name);
                }

                // Only the first frame is searched whole (for the crop); every frame's points come from its crop (§3).
                if (framing is null)
                {
                    var first = landmarker.Find(frame) ?? throw new EngineInputException(
                        EngineInputError.NoFaceInReferenceVideo,
                        $"No face was found in the first frame of the {label} ({name}). Use a video that starts with one clearly visible, front-facing face.");
                    framing = FaceFraming.From(first, width, height, mode, CropSize);
                }

                var image = framing.Apply(frame);
                observer?.Observe("reference", "image", [image.Height, image.Width, RgbImage.Channels]);
                var points = landmarker.Find(image) ?? previous;
                previous = points;
                rows.AddRange(SourceFace.Reconstruct(image, points, recon));
                onFrame?.Invoke(reader.FramesRead, expected);
            }
        }
        catch (MediaToolException ex)
        {
            throw Unreadable(label, name, ex.Message, ex);
        }

        return rows.Count > 0 ? rows.ToArray() : throw Unreadable(label, name, "it has no video frames", null);
    }

    private static async Task<(int Width, int Height, long Expected, long MaxFrames)> ProbeAsync(
        string path, string label, string name, CancellationToken cancellationToken)
    {
        MediaInfo info;
        try
        {
            info = await MediaProbe.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MediaToolException or FileNotFoundException)
        {
            throw Unreadable(label, name, ex.Message, ex);
        }

        var video = info.Video;
        if (video?.DisplaySize is not var (width, height))
        {
            throw Unreadable(label, name, "it has no video stream (give a video of a face, not an audio file or a picture)", null);
        }

        var duration = info.Duration ?? video.Duration;
        if (duration > MaxDuration)
        {
            throw TooLong(label, name);
        }

        var fps = video.FrameRate is > 0 and < 1000 ? video.FrameRate.Value : 25;
        var expected = video.FrameCount ?? (duration is { } d ? (long)Math.Round(d.TotalSeconds * fps) : 0);
        return (width, height, expected, (long)Math.Ceiling(MaxDuration.TotalSeconds * fps) + 1);
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static EngineInputException Unreadable(string label, string name, string why, Exception? inner) =>
        new(EngineInputError.UnreadableReferenceVideo, $"The {label} ({name}) could not be used: {why}", inner);

    private static EngineInputException TooLong(string label, string name) =>
        new(EngineInputError.ReferenceVideoTooLong, $"The {label} ({name}) is longer than {MaxDuration.TotalMinutes:0} minutes; use a shorter clip (it is looped over the audio).");
}
