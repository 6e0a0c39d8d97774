namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>MappingNet's head-pose bins to degrees and to a rotation matrix (sadtalker-facts.md §7).</summary>
/// <remarks>
/// <code>
/// θ = 3 · Σ_{i=0}^{65} softmax(logits)_i · i − 99                      (degrees, −99 … 96)
/// rad = θ / 180 · 3.14     (the reference's constant, §12 quirk; π with <see cref="RotationAngle.Pi"/>)
/// R = R_x(pitch) · R_y(yaw) · R_z(roll)
/// R_x = [[1,0,0],[0,c,−s],[0,s,c]],  R_y = [[c,0,s],[0,1,0],[−s,0,c]],  R_z = [[c,−s,0],[s,c,0],[0,0,1]]
/// </code>
/// Softmax is computed in double with the max subtracted.
/// </remarks>
public static class HeadPose
{
    /// <summary>Bins per angle (66, MappingNet's yaw/pitch/roll heads).</summary>
    public const int Bins = 66;

    /// <summary>The reference's value of π in the degree-to-radian conversion (src/facerender/modules/make_animation.py).</summary>
    public const double ReferencePi = 3.14;

    /// <summary>Expected bin index → degrees.</summary>
    public static double Degrees(ReadOnlySpan<float> logits)
    {
        if (logits.Length != Bins)
        {
            throw new ArgumentException($"Expected {Bins} bin logits, got {logits.Length}.", nameof(logits));
        }

        double max = double.NegativeInfinity;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        double sum = 0, weighted = 0;
        for (var i = 0; i < Bins; i++)
        {
            var e = Math.Exp(logits[i] - max);
            sum += e;
            weighted += e * i;
        }

        return (3 * weighted / sum) - 99;
    }

    /// <summary>Writes R = R_x(pitch)·R_y(yaw)·R_z(roll), row-major 3×3, for angles in degrees.</summary>
    public static void Rotation(double yaw, double pitch, double roll, RotationAngle angle, Span<float> destination)
    {
        if (destination.Length < 9)
        {
            throw new ArgumentException("Destination needs 9 values.", nameof(destination));
        }

        var pi = angle == RotationAngle.Pi ? Math.PI : ReferencePi;
        var (sy, cy) = Math.SinCos(yaw / 180 * pi);
        var (sp, cp) = Math.SinCos(pitch / 180 * pi);
        var (sr, cr) = Math.SinCos(roll / 180 * pi);

        // R_x · R_y, then · R_z, multiplied out.
        destination[0] = (float)(cy * cr);
        destination[1] = (float)(-cy * sr);
        destination[2] = (float)sy;
        destination[3] = (float)((sp * sy * cr) + (cp * sr));
        destination[4] = (float)((-sp * sy * sr) + (cp * cr));
        destination[5] = (float)(-sp * cy);
        destination[6] = (float)((-cp * sy * cr) + (sp * sr));
        destination[7] = (float)((cp * sy * sr) + (sp * cr));
        destination[8] = (float)(cp * cy);
    }
}
