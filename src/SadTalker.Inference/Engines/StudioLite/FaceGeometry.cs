using SadTalker.Inference.Faces;

namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>
/// A face-local frame in output pixels built from BlazeFace keypoints: the unit <see cref="Scale"/> is the
/// distance between the eyes, <c>u</c> points from the subject's right eye to the left (image right for an
/// upright face) and <c>v</c> is u turned 90° clockwise (down the face).
/// </summary>
/// <param name="RightEye">Subject's right eye centre (image left).</param>
/// <param name="LeftEye">Subject's left eye centre.</param>
/// <param name="Mouth">Mouth centre, on the line between the lips.</param>
/// <param name="Box">The detector's face box.</param>
/// <param name="Ux">u, x component.</param>
/// <param name="Uy">u, y component.</param>
/// <param name="Scale">Pixels per face unit.</param>
internal sealed record FaceGeometry(
    FacePoint RightEye, FacePoint LeftEye, FacePoint Mouth, FaceBox Box, float Ux, float Uy, float Scale)
{
    /// <summary>v = (−u_y, u_x): down the face.</summary>
    public float Vx => -Uy;

    /// <inheritdoc cref="Vx"/>
    public float Vy => Ux;

    /// <summary>Builds the frame from a detection already mapped to output pixels.</summary>
    /// <remarks>
    /// The unit is the interocular distance, but at least 0.75 of the eye-to-mouth distance: a face turned
    /// sideways shows its eyes closer together than its true size, which would otherwise shrink the mouth.
    /// </remarks>
    public static FaceGeometry FromDetection(FaceDetection face)
    {
        ArgumentNullException.ThrowIfNull(face);
        var right = face[FaceKeypoint.RightEye];
        var left = face[FaceKeypoint.LeftEye];
        var mouth = face[FaceKeypoint.MouthCenter];
        float ex = left.X - right.X, ey = left.Y - right.Y;
        var interocular = MathF.Sqrt((ex * ex) + (ey * ey));
        float ux, uy;
        if (interocular < 1e-3f)
        {
            (ux, uy) = (1f, 0f);
        }
        else
        {
            (ux, uy) = (ex / interocular, ey / interocular);
        }

        var eyeMouth = Math.Abs(((mouth.X - ((right.X + left.X) / 2)) * -uy) + ((mouth.Y - ((right.Y + left.Y) / 2)) * ux));
        var scale = Math.Max(interocular, 0.75f * eyeMouth);
        if (scale < 4f)
        {
            throw new EngineInputException(
                EngineInputError.NoFace, "The face in the portrait is too small to animate; use a closer portrait.");
        }

        return new FaceGeometry(right, left, mouth, face.Box, ux, uy, scale);
    }
}
