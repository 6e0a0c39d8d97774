using SadTalker.Inference.Faces;

namespace SadTalker.Inference.Intake;

/// <summary>What <see cref="FaceCheck"/> found in a portrait.</summary>
/// <param name="Verdict">The single most important finding (see <see cref="FaceVerdict"/> for precedence).</param>
/// <param name="Message">The verdict explained for the uploader.</param>
/// <param name="FaceCount">How many faces the detector reported after weighted NMS.</param>
/// <param name="Face">The chosen (largest) face with its box and six keypoints, in image pixels; null when none.</param>
/// <param name="Geometry">Measurements of <paramref name="Face"/>; null when none.</param>
public sealed record FaceCheckResult(
    FaceVerdict Verdict,
    string Message,
    int FaceCount,
    FaceDetection? Face,
    FaceGeometry? Geometry);
