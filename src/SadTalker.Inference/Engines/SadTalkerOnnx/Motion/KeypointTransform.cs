namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>Canonical keypoints to source/driving keypoints (sadtalker-facts.md §7 keypoint transform).</summary>
/// <remarks>
/// <code>
/// kp_k = R · kc_k + (0, t_y, 0) + δ_k        k = 0..14;  t_x and t_z are zeroed; δ = MappingNet exp reshaped 15×3
/// </code>
/// No jacobians (estimate_jacobian is off). Computed in double, stored as float.
/// </remarks>
public static class KeypointTransform
{
    public const int Keypoints = 15;

    /// <param name="canonical">kc, 15×3 from the keypoint detector.</param>
    /// <param name="rotation">R, row-major 3×3 from <see cref="HeadPose.Rotation"/>.</param>
    /// <param name="translation">MappingNet t (3); only t_y is used.</param>
    /// <param name="delta">MappingNet exp (45).</param>
    /// <param name="destination">kp, 15×3.</param>
    public static void Apply(
        ReadOnlySpan<float> canonical, ReadOnlySpan<float> rotation, ReadOnlySpan<float> translation, ReadOnlySpan<float> delta, Span<float> destination)
    {
        const int n = Keypoints * 3;
        if (canonical.Length != n || delta.Length != n || destination.Length < n || rotation.Length != 9 || translation.Length != 3)
        {
            throw new ArgumentException("Expected canonical 15x3, rotation 3x3, translation 3, delta 45 and a destination of 45.");
        }

        for (var k = 0; k < Keypoints; k++)
        {
            var (x, y, z) = ((double)canonical[3 * k], (double)canonical[(3 * k) + 1], (double)canonical[(3 * k) + 2]);
            for (var r = 0; r < 3; r++)
            {
                var rotated = (rotation[3 * r] * x) + (rotation[(3 * r) + 1] * y) + (rotation[(3 * r) + 2] * z);
                var shift = r == 1 ? translation[1] : 0.0;
                destination[(3 * k) + r] = (float)(rotated + shift + delta[(3 * k) + r]);
            }
        }
    }
}
