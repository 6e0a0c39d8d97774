namespace SadTalker.Inference.Trust;

/// <summary>
/// The shared geometry of the invisible watermark: which smooth spatial patterns carry it, how the frames of one
/// period are split into chips, and which chip is pilot or carries which coded bit. Embedder and detector both use it.
/// </summary>
/// <remarks>
/// <para>Patterns: P_k(u, v) = n_k·cos(π·fx·u)·cos(π·fy·v) on frame-relative coordinates u, v ∈ [0, 1], for the 18
/// pairs with fx, fy ∈ 0..4 and 1 ≤ fx + fy ≤ 5; n_k scales each to unit RMS. They are smooth enough to survive
/// compression and down-scaling, and defined relative to the frame, so only cropping moves them (the detector
/// searches the crop).</para>
/// <para>Time: a period of 72 frames (2.88 s at 25 fps, so the first 3 s hold a whole one) is 36 chips of two frames.
/// Each chip adds +s·P_k in its first frame and −s·P_k in its second (s = ±1), so the detector reads it as the
/// difference of the two frames' projections, in which the static host picture cancels.</para>
/// <para>The 648 chip slots (36 × 18) are shuffled with a fixed seed; the first quarter are pilot chips with known
/// pseudo-random signs (the detector finds crop, time offset and presence from them), the rest carry the 172 coded
/// bits round-robin (3 or 4 chips each), each chip's sign scrambled by a pseudo-random sign.</para>
/// </remarks>
public static class WatermarkLayout
{
    public const int FrameRate = 25;
    public const int PeriodFrames = 72;
    public const int ChipTimes = PeriodFrames / 2;
    public const int MaxFrequency = 4;

    private const ulong Seed = 0x5AD7A1C3_0B5E_2025;

    /// <summary>(fx, fy) of each pattern, lowest total frequency first.</summary>
    public static IReadOnlyList<(int Fx, int Fy)> Patterns { get; } = BuildPatterns();

    public static int PatternCount => Patterns.Count;

    public static int SlotCount => ChipTimes * PatternCount;

    public static int PilotCount => SlotCount / 4;

    /// <summary>Per slot (chipTime·PatternCount + pattern): −1 for a pilot, else the coded bit it carries.</summary>
    internal static short[] SlotBit { get; }

    /// <summary>Per slot: the pilot sign, or the data scrambling sign (±1).</summary>
    internal static sbyte[] SlotSign { get; }

    static WatermarkLayout()
    {
        var order = Enumerable.Range(0, SlotCount).ToArray();
        var random = new SplitMix64(Seed);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        SlotBit = new short[SlotCount];
        SlotSign = new sbyte[SlotCount];
        for (var i = 0; i < order.Length; i++)
        {
            SlotBit[order[i]] = (short)(i < PilotCount ? -1 : (i - PilotCount) % WatermarkCode.CodedBits);
            SlotSign[order[i]] = (random.Next() & 1) == 0 ? (sbyte)1 : (sbyte)-1;
        }
    }

    /// <summary>The sign (±1) of every slot for <paramref name="payload"/>: pilot sign, or scramble × (1 − 2·bit).</summary>
    public static sbyte[] ChipSigns(WatermarkPayload payload)
    {
        var coded = WatermarkCode.Encode(payload);
        var signs = new sbyte[SlotCount];
        for (var slot = 0; slot < SlotCount; slot++)
        {
            var bit = SlotBit[slot];
            signs[slot] = (sbyte)(bit < 0 ? SlotSign[slot] : SlotSign[slot] * (1 - (2 * coded[bit])));
        }

        return signs;
    }

    /// <summary>cos(π·f·u) for u = c + (1 − 2c)·(i + ½)/n, i = 0..n−1: one axis of a pattern seen through a crop of c per side.</summary>
    internal static void Axis(Span<float> destination, int frequency, double crop)
    {
        var n = destination.Length;
        for (var i = 0; i < n; i++)
        {
            var u = crop + ((1 - (2 * crop)) * (i + 0.5) / n);
            destination[i] = (float)Math.Cos(Math.PI * frequency * u);
        }
    }

    /// <summary>The factor that gives pattern (fx, fy) unit RMS over the whole frame.</summary>
    internal static float Norm(int fx, int fy) => (fx > 0 ? MathF.Sqrt(2) : 1) * (fy > 0 ? MathF.Sqrt(2) : 1);

    private static List<(int, int)> BuildPatterns()
    {
        var list = new List<(int Fx, int Fy)>();
        for (var sum = 1; sum <= MaxFrequency + 1; sum++)
        {
            for (var fx = Math.Max(0, sum - MaxFrequency); fx <= Math.Min(sum, MaxFrequency); fx++)
            {
                list.Add((fx, sum - fx));
            }
        }

        return list;
    }

    /// <summary>A small, fixed pseudo-random generator (System.Random's seeded sequence is not a documented contract).</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
