namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>
/// Per-frame coefficients of the reference videos (sadtalker-facts.md §1 stage 2): rows of the 73 kept coefficients
/// [exp 64 | angle 3 | trans 3 | s', t_x, t_y], one per video frame; null when that reference is not used.
/// </summary>
/// <param name="Eyeblink">--ref_eyeblink: its exp rows replace the source expression given to ExpNet, blinks off (§5).</param>
/// <param name="Pose">--ref_pose: its head motion relative to its first frame is added to the predicted pose (§6).</param>
public sealed record MotionReferences(float[]? Eyeblink, float[]? Pose)
{
    /// <summary>Values per row.</summary>
    public const int Width = 73;

    /// <summary>No reference video.</summary>
    public static MotionReferences None { get; } = new(null, null);

    /// <summary>Columns [first, first + count) of every row: exp is (0, 64), pose [angle | trans] is (64, 6).</summary>
    public static float[] Columns(float[] rows, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var frames = rows.Length / Width;
        var columns = new float[frames * count];
        for (var t = 0; t < frames; t++)
        {
            rows.AsSpan((t * Width) + first, count).CopyTo(columns.AsSpan(t * count));
        }

        return columns;
    }
}
