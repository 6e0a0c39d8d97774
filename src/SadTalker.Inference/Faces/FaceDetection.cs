namespace SadTalker.Inference.Faces;

/// <summary>One detected face, in source-image pixels.</summary>
/// <param name="Box">Face bounding box.</param>
/// <param name="Score">Detector confidence in [0, 1].</param>
/// <param name="Keypoints">Six landmarks indexed by <see cref="FaceKeypoint"/>.</param>
public sealed record FaceDetection(FaceBox Box, float Score, IReadOnlyList<FacePoint> Keypoints)
{
    public FacePoint this[FaceKeypoint keypoint] => Keypoints[(int)keypoint];
}
