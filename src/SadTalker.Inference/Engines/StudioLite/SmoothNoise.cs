namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>Smooth random motion in about [−1, 1], streamed one frame at a time from a seeded generator.</summary>
/// <remarks>
/// Value noise: a uniform random key in [−1, 1] every <c>period</c> frames, joined by a Catmull-Rom spline, so the
/// motion and its velocity are continuous (no stop at every key, as a smoothstep blend would give):
/// <code>
/// f(τ) = ½·(2k₁ + (k₂ − k₀)τ + (2k₀ − 5k₁ + 4k₂ − k₃)τ² + (3k₁ − k₀ − 3k₂ + k₃)τ³),  τ = (frame mod period)/period
/// </code>
/// </remarks>
internal sealed class SmoothNoise
{
    private readonly Random _random;
    private readonly int _period;
    private float _k0, _k1, _k2, _k3;
    private int _phase;

    public SmoothNoise(Random random, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _random = random;
        _period = period;
        _k0 = Key();
        _k1 = Key();
        _k2 = Key();
        _k3 = Key();
    }

    public float Next()
    {
        var t = (float)_phase / _period;
        var value = 0.5f * ((2 * _k1) + ((_k2 - _k0) * t) + (((2 * _k0) - (5 * _k1) + (4 * _k2) - _k3) * t * t)
            + (((3 * _k1) - _k0 - (3 * _k2) + _k3) * t * t * t));
        if (++_phase == _period)
        {
            _phase = 0;
            (_k0, _k1, _k2, _k3) = (_k1, _k2, _k3, Key());
        }

        return value;
    }

    private float Key() => (float)((_random.NextDouble() * 2) - 1);
}
