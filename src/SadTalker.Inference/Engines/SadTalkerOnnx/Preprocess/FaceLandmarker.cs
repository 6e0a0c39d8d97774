using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// The 68 landmarks of a detected face (sadtalker-facts.md §2): the face box from BlazeFace, the points from the pack's
/// 98-point model (a required file: a pack without it is unusable, there is no stand-in).
/// </summary>
/// <param name="detector">Finds the face box (the reference uses RetinaFace, §2).</param>
/// <param name="model">The 98-point landmark model.</param>
public sealed class FaceLandmarker(BlazeFaceDetector detector, FaceLandmarks98 model)
{
    /// <summary>68 points of <paramref name="face"/> in <paramref name="image"/> pixels.</summary>
    public float[] Of(RgbImage image, FaceDetection face)
    {
        ArgumentNullException.ThrowIfNull(face);
        return model.Predict(image, face.Box);
    }

    /// <summary>The best face of <paramref name="image"/>, or null when none is found.</summary>
    public FaceDetection? Detect(RgbImage image) => detector.Detect(image).FirstOrDefault();

    /// <summary>Detects and landmarks the best face of <paramref name="image"/>; null when none is found.</summary>
    public float[]? Find(RgbImage image) => Detect(image) is { } face ? Of(image, face) : null;
}
