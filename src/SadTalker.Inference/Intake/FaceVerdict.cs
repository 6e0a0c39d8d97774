namespace SadTalker.Inference.Intake;

/// <summary>Outcome of <see cref="FaceCheck"/>. When several rules apply, the first in this precedence wins:
/// <see cref="NoFace"/>, <see cref="StronglyRotated"/>, <see cref="FaceTooSmall"/>, <see cref="SeveralFaces"/>.</summary>
public enum FaceVerdict
{
    /// <summary>Exactly one face, large and upright enough.</summary>
    Ok,

    /// <summary>The detector found no face.</summary>
    NoFace,

    /// <summary>More than one face; the largest is used. Reported only when the largest face passes every other rule.</summary>
    SeveralFaces,

    /// <summary>The chosen face is too small in pixels or in the frame.</summary>
    FaceTooSmall,

    /// <summary>The chosen face is tilted far off level, or its landmarks place it in profile.</summary>
    StronglyRotated,
}
