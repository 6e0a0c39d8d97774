namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>Per-frame mouth opening and width from <see cref="SpeechAnalysis"/> (8 bytes per frame).</summary>
/// <remarks>
/// The level is normalised to the recording, not to full scale, so quiet and loud recordings move the mouth alike:
/// <code>
/// ref    = 95th percentile of level_i over frames above −70 dBFS           (loud speech)
/// floor  = max(ref − 30, −62)                                               (pauses and breath fall below it)
/// raw_i  = clamp((level_i − floor)/(ref − floor), 0, 1)
/// gate_i = raw_i &lt; 0.15 ? 0 : (raw_i − 0.15)/0.85                           (closed in silence and room noise)
/// goal_i = max(gate_i, 0.5·gate_{i+1})                                       (lips move slightly ahead of sound)
/// open_i = open_{i−1} + k·(goal_i − open_{i−1}),  k = 0.75 opening, 0.45 closing; below 0.02 with goal 0 → 0
/// out_i  = expressionScale · open_i^0.8
/// width_i = smooth(clamp((tilt_i − median tilt of voiced frames)/8, −1, 1) · min(1, 2·gate_i)) · expressionScale
/// </code>
/// No frame is above −55 dBFS at its 95th percentile → the whole track is treated as silence (mouth closed).
/// </remarks>
internal sealed class MouthDrive
{
    private const float SpeechDbfs = -70f;
    private const float SilentRecordingDbfs = -55f;
    private const float Gate = 0.15f;

    private readonly float[] _open;
    private readonly float[] _width;

    private MouthDrive(float[] open, float[] width)
    {
        _open = open;
        _width = width;
    }

    public int FrameCount => _open.Length;

    public float Open(int frame) => _open[frame];

    public float Width(int frame) => _width[frame];

    public static MouthDrive Create(SpeechAnalysis analysis, float expressionScale)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var level = analysis.LevelDbfs;
        var tilt = analysis.TiltDb;
        var n = level.Length;
        var open = new float[n];
        var width = new float[n];
        var (reference, medianTilt) = References(level, tilt);
        if (reference < SilentRecordingDbfs || expressionScale <= 0)
        {
            return new MouthDrive(open, width);
        }

        var floor = Math.Max(reference - 30f, -62f);
        float state = 0, spread = 0;
        for (var i = 0; i < n; i++)
        {
            var gate = Gated(level[i], floor, reference);
            var next = i + 1 < n ? Gated(level[i + 1], floor, reference) : 0f;
            var goal = Math.Max(gate, 0.5f * next);
            state += (goal > state ? 0.75f : 0.45f) * (goal - state);
            if (goal == 0 && state < 0.02f)
            {
                state = 0;
            }

            var wide = Math.Clamp((tilt[i] - medianTilt) / 8f, -1f, 1f) * Math.Min(1f, 2 * gate);
            spread += 0.5f * (wide - spread);
            open[i] = expressionScale * MathF.Pow(state, 0.8f);
            width[i] = state == 0 ? 0 : expressionScale * spread;
        }

        return new MouthDrive(open, width);
    }

    private static float Gated(float level, float floor, float reference)
    {
        var raw = Math.Clamp((level - floor) / (reference - floor), 0f, 1f);
        return raw < Gate ? 0f : (raw - Gate) / (1 - Gate);
    }

    private static (float Reference, float MedianTilt) References(ReadOnlySpan<float> level, ReadOnlySpan<float> tilt)
    {
        var levels = new List<float>();
        var tilts = new List<float>();
        for (var i = 0; i < level.Length; i++)
        {
            if (level[i] > SpeechDbfs)
            {
                levels.Add(level[i]);
                tilts.Add(tilt[i]);
            }
        }

        if (levels.Count == 0)
        {
            return (float.NegativeInfinity, 0f);
        }

        levels.Sort();
        tilts.Sort();
        return (levels[(int)(0.95 * (levels.Count - 1))], tilts[tilts.Count / 2]);
    }
}
