namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>MappingNet's output for one window, decoded (sadtalker-facts.md §7): angles in degrees, translation, keypoint deltas.</summary>
/// <param name="Yaw">Degrees from the 66 yaw bins.</param>
/// <param name="Pitch">Degrees from the pitch bins.</param>
/// <param name="Roll">Degrees from the roll bins.</param>
/// <param name="Translation">t (3); only t_y is used by the keypoint transform.</param>
/// <param name="Delta">Keypoint deltas, 15×3.</param>
public sealed record HeadMotion(double Yaw, double Pitch, double Roll, float[] Translation, float[] Delta);
