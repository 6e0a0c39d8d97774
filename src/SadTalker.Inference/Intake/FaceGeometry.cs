namespace SadTalker.Inference.Intake;

/// <summary>Measurements of the chosen face that <see cref="FaceCheck"/> bases its verdict on, in source pixels.</summary>
/// <param name="EyeDistance">|e_l - e_r|, between the two eye keypoints.</param>
/// <param name="EyeToMouth">|m - (e_l + e_r) / 2|, from the midpoint of the eyes to the mouth keypoint.</param>
/// <param name="CropSize">
/// Side of the square SadTalker would crop around this face: 2 * max(2 * EyeDistance, 1.8 * EyeToMouth)
/// (the FFHQ alignment rule in SadTalker's <c>src/utils/croper.py</c>, commit cd4c046, there on 68-point landmarks).
/// </param>
/// <param name="BoxFraction">The shorter side of the face box divided by the shorter side of the image.</param>
/// <param name="RollDegrees">Angle of the eye line from horizontal: atan2(dy, dx) of e_l - e_r, in (-180, 180]; 0 = level.</param>
/// <param name="NoseOffset">
/// Where the nose tip projects onto the eye line: 2t - 1 with t = ((n - e_r) . (e_l - e_r)) / |e_l - e_r|^2, so
/// -1 is at the right eye, 0 midway, +1 at the left eye; beyond +-1 the nose lies outside the eyes (a profile view).
/// </param>
public sealed record FaceGeometry(
    float EyeDistance,
    float EyeToMouth,
    float CropSize,
    float BoxFraction,
    float RollDegrees,
    float NoseOffset);
