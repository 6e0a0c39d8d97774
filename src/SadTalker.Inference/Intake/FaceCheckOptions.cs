namespace SadTalker.Inference.Intake;

/// <summary>Thresholds of <see cref="FaceCheck"/>; the defaults are the product's rules from the media library issue.</summary>
public sealed record FaceCheckOptions
{
    /// <summary>
    /// Detections scoring below this are ignored (not counted, not chosen). BlazeFace's own 0.5 keeps false faces on
    /// odd pictures: on the test images they score at most 0.69 (a helmet in the upside-down astronaut; the cat
    /// scores 0.53 on a tile), while real upright or tilted faces score 0.78 and up.
    /// REVIEW: calibrated on a handful of images; recheck against a set of real uploads.
    /// </summary>
    public float MinScore { get; init; } = 0.75f;

    /// <summary>
    /// Smallest <see cref="FaceGeometry.CropSize"/> accepted, in pixels. Below 128 the SadTalker crop is upscaled more
    /// than 2x to the renderer's 256 px input, which shows as blur.
    /// </summary>
    public float MinCropSize { get; init; } = 128f;

    /// <summary>Smallest <see cref="FaceGeometry.BoxFraction"/> accepted (15% of the image's short side).</summary>
    public float MinBoxFraction { get; init; } = 0.15f;

    /// <summary>Largest |<see cref="FaceGeometry.RollDegrees"/>| accepted: beyond 30 degrees the head is lying sideways.</summary>
    public float MaxRollDegrees { get; init; } = 30f;

    /// <summary>
    /// Largest |<see cref="FaceGeometry.NoseOffset"/>| accepted. 1 puts the nose tip on an eye; 1.2 keeps three-quarter
    /// views and refuses faces whose nose lies outside the eyes by more than 10% of the eye distance (near profile).
    /// Frontal test faces measure |offset| &lt;= 0.25.
    /// </summary>
    public float MaxNoseOffset { get; init; } = 1.2f;
}
