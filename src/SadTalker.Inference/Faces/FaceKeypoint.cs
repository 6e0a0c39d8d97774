namespace SadTalker.Inference.Faces;

/// <summary>
/// Index into <see cref="FaceDetection.Keypoints"/>, in BlazeFace's output order. "Right" and "left" are the
/// subject's, so the right eye usually appears on the left of the image.
/// </summary>
public enum FaceKeypoint
{
    RightEye,
    LeftEye,
    NoseTip,
    MouthCenter,
    RightEarTragion,
    LeftEarTragion,
}
