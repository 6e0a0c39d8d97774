using SadTalker.Inference.Faces;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// Stand-in 68-point landmarks from a BlazeFace detection, for the enhancer's per-frame five points only
/// (<see cref="Enhance.BlazeFacePoints"/>; the reference runs RetinaFace on every frame, sadtalker-facts.md §8). The crop
/// and the 3DMM fit always use the pack's 98-point model (§2).
/// </summary>
/// <remarks>
/// Only the points <c>align_img</c>'s five read are meaningful: the eye rings 36–41 / 42–47 sit on the eye centres
/// (their means, and mean(36,39) / mean(42,45), are the centres), 30 is the nose tip, and the mouth corners 48 / 54 are
/// the mouth centre ∓ 0.4 × the eye-to-eye vector (mouth width ≈ 0.8 × interocular distance). Every other point is set
/// to the nose tip. In iBUG order 36–41 is the subject's right eye (image left).
/// </remarks>
public static class BlazeFaceLandmarks
{
    public const double MouthHalfWidth = 0.4;

    public static float[] From(FaceDetection face)
    {
        ArgumentNullException.ThrowIfNull(face);
        var right = face[FaceKeypoint.RightEye];
        var left = face[FaceKeypoint.LeftEye];
        var nose = face[FaceKeypoint.NoseTip];
        var mouth = face[FaceKeypoint.MouthCenter];
        var points = new float[136];
        for (var i = 0; i < 68; i++)
        {
            (points[2 * i], points[(2 * i) + 1]) = (nose.X, nose.Y);
        }

        for (var i = 36; i < 42; i++)
        {
            (points[2 * i], points[(2 * i) + 1]) = (right.X, right.Y);
            (points[2 * (i + 6)], points[(2 * (i + 6)) + 1]) = (left.X, left.Y);
        }

        var (dx, dy) = ((float)((left.X - right.X) * MouthHalfWidth), (float)((left.Y - right.Y) * MouthHalfWidth));
        (points[96], points[97]) = (mouth.X - dx, mouth.Y - dy);
        (points[108], points[109]) = (mouth.X + dx, mouth.Y + dy);
        return points;
    }
}
