namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>Eye blinks at natural random intervals, one value per 25 fps frame, from a seeded generator.</summary>
/// <remarks>
/// Blinks start 0.6–3 s in, then follow each other every 2–6 s (uniform), and last 4–6 frames (160–240 ms).
/// Inside a blink of n frames, frame k closes the lids by b = (sin(π·(k + 0.5)/n) / sin(π·(⌊(n − 1)/2⌋ + 0.5)/n))^0.6,
/// so the middle frame(s) close fully; for n = 5 that is [0.50, 0.88, 1, 0.88, 0.50], close to SadTalker's
/// [0.5, 0.9, 1.0, 0.9, 0.5] (src/generate_batch.py).
/// People blink every 2–10 s at rest and a blink lasts 100–400 ms.
/// </remarks>
internal sealed class BlinkSchedule(Random random)
{
    private const int MinGap = 50;
    private const int MaxGap = 150;
    private const int MinLength = 4;
    private const int MaxLength = 6;

    private int _frame;
    private int _start = random.Next(15, 76);
    private int _length = random.Next(MinLength, MaxLength + 1);

    /// <summary>The closure of the next frame.</summary>
    public float Next()
    {
        var k = _frame++ - _start;
        if (k < 0)
        {
            return 0f;
        }

        var peak = MathF.Sin(MathF.PI * (((_length - 1) / 2) + 0.5f) / _length);
        var closure = MathF.Min(1f, MathF.Pow(MathF.Sin(MathF.PI * (k + 0.5f) / _length) / peak, 0.6f));
        if (k == _length - 1)
        {
            _start += _length + random.Next(MinGap, MaxGap + 1);
            _length = random.Next(MinLength, MaxLength + 1);
        }

        return closure;
    }
}
