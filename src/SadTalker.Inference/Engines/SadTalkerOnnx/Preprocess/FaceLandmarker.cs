using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// The 68 landmarks of a detected face (sadtalker-facts.md §2): from the pack's 98-point model when it has one, else
/// derived from the BlazeFace keypoints (<see cref="BlazeFaceLandmarks"/>).
/// </summary>
/// <param name="detector">Finds the face box (the reference uses RetinaFace, §2).</param>
/// <param name="model">The optional 98-point landmark model; null for the BlazeFace fallback.</param>
public sealed class FaceLandmarker(BlazeFaceDetector detector, FaceLandmarks98? model)
{
    /// <summary>Whether the 98-point model is used (so §3 runs landmarks again on each size² crop).</summary>
    public bool HasModel => model is not null;

    /// <summary>The job-log line for packs without the landmark model.</summary>
    public const string FallbackNotice =
        "The model pack has no 98-point landmark model (face_landmarks_98.onnx): face landmarks are derived from the BlazeFace detector instead, so the crop and head pose are less exact.";

    /// <summary>68 points of <paramref name="face"/> in <paramref name="image"/> pixels.</summary>
    public float[] Of(RgbImage image, FaceDetection face)
    {
        ArgumentNullException.ThrowIfNull(face);
        return model?.Predict(image, face.Box) ?? BlazeFaceLandmarks.From(face);
    }

    /// <summary>The best face of <paramref name="image"/>, or null when none is found.</summary>
    public FaceDetection? Detect(RgbImage image) => detector.Detect(image).FirstOrDefault();

    /// <summary>Detects and landmarks the best face of <paramref name="image"/>; null when none is found.</summary>
    public float[]? Find(RgbImage image) => Detect(image) is { } face ? Of(image, face) : null;
}
