using System.Globalization;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>
/// Checks that a portrait holds a face SadTalker can animate: runs BlazeFace (weighted NMS), picks the largest face
/// and judges its size and pose with the thresholds in <see cref="FaceCheckOptions"/>.
/// Thread-safe when the detector is (BlazeFaceDetector is).
/// </summary>
public sealed class FaceCheck
{
    private readonly BlazeFaceDetector _detector;
    private readonly FaceCheckOptions _options;

    /// <param name="detector">Owned by the caller, who disposes it; the front (128 px) model suits portraits.</param>
    public FaceCheck(BlazeFaceDetector detector, FaceCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
        _options = options ?? new FaceCheckOptions();
    }

    public FaceCheckResult Check(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);

        var faces = TiledFaceDetection.Detect(_detector, image).Where(f => f.Score >= _options.MinScore).ToList();
        if (faces.Count == 0)
        {
            return new FaceCheckResult(
                FaceVerdict.NoFace,
                "No face was found. Use a photo with one clearly visible face, upright and looking at the camera.",
                0,
                null,
                null);
        }

        var face = faces.MaxBy(f => f.Box.Area)!;
        var geometry = Measure(face, Math.Min(image.Width, image.Height));
        var (verdict, message) = Judge(geometry, faces.Count, _options);
        return new FaceCheckResult(verdict, message, faces.Count, face, geometry);
    }

    /// <summary>Measures the face; formulas are documented on <see cref="FaceGeometry"/>.</summary>
    internal static FaceGeometry Measure(FaceDetection face, int imageShortSide)
    {
        var rightEye = face[FaceKeypoint.RightEye];
        var leftEye = face[FaceKeypoint.LeftEye];
        var nose = face[FaceKeypoint.NoseTip];
        var mouth = face[FaceKeypoint.MouthCenter];

        float ex = leftEye.X - rightEye.X, ey = leftEye.Y - rightEye.Y;
        float mx = mouth.X - ((leftEye.X + rightEye.X) / 2), my = mouth.Y - ((leftEye.Y + rightEye.Y) / 2);
        var eyeDistance = MathF.Sqrt((ex * ex) + (ey * ey));
        var eyeToMouth = MathF.Sqrt((mx * mx) + (my * my));
        var cropSize = 2 * Math.Max(2 * eyeDistance, 1.8f * eyeToMouth);
        var boxFraction = Math.Min(face.Box.Width, face.Box.Height) / imageShortSide;
        var roll = MathF.Atan2(ey, ex) * 180f / MathF.PI;

        // Eyes on top of each other (or the same point) carry no left-right information: call it a profile.
        var squared = (ex * ex) + (ey * ey);
        var noseOffset = squared < 1e-6f
            ? float.PositiveInfinity
            : (2 * ((((nose.X - rightEye.X) * ex) + ((nose.Y - rightEye.Y) * ey)) / squared)) - 1;
        return new FaceGeometry(eyeDistance, eyeToMouth, cropSize, boxFraction, roll, noseOffset);
    }

    /// <summary>Applies the rules in precedence order: rotation, then size, then the number of faces.</summary>
    /// <remarks>
    /// Rotation comes first because a turned or tilted face also measures small (its eye distance shrinks), and the
    /// honest advice is then "turn the head", not "move closer". Several faces is only a warning, so it ranks last.
    /// </remarks>
    internal static (FaceVerdict Verdict, string Message) Judge(FaceGeometry g, int faceCount, FaceCheckOptions o)
    {
        if (Math.Abs(g.RollDegrees) > o.MaxRollDegrees)
        {
            return (FaceVerdict.StronglyRotated, Format(
                $"The face is tilted by about {Math.Abs(g.RollDegrees):F0} degrees (at most {o.MaxRollDegrees:F0} is allowed).") +
                " Use a photo where the head is upright, or rotate the photo before uploading.");
        }

        if (!(Math.Abs(g.NoseOffset) <= o.MaxNoseOffset))
        {
            return (FaceVerdict.StronglyRotated,
                "The face is turned too far to the side. Use a photo where the person looks roughly at the camera.");
        }

        if (g.CropSize < o.MinCropSize)
        {
            return (FaceVerdict.FaceTooSmall, Format(
                $"The face is too small: about {g.CropSize:F0} pixels across including hair and chin, and at least {o.MinCropSize:F0} are needed.") +
                " Use a closer or higher-resolution photo.");
        }

        if (g.BoxFraction < o.MinBoxFraction)
        {
            return (FaceVerdict.FaceTooSmall, Format(
                $"The face fills only {g.BoxFraction * 100:F0}% of the picture's shorter side (at least {o.MinBoxFraction * 100:F0}% is needed).") +
                " Crop the photo closer around the face.");
        }

        return faceCount > 1
            ? (FaceVerdict.SeveralFaces, Format($"{faceCount} faces were found; the largest one will be animated.") +
                " Crop the photo to one face to choose another.")
            : (FaceVerdict.Ok, "One face was found, large and upright enough to animate.");
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
