using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SadTalker.Inference.Trust;

/// <summary>
/// The watermark's byte kernels: adding (or subtracting) a signed byte delta to unsigned bytes, saturating at 0 and
/// 255, in one pass; and narrowing floored floats to that delta.
/// </summary>
/// <remarks>
/// <code>values[i] = clamp(values[i] + sign·delta[i], 0, 255)</code>
/// TensorPrimitives has no saturating byte add; composing one from Min/Add/Max/Subtract takes four passes over a
/// frame that does not fit in the cache, which alone cost about 5 % of a Studio Lite render. The vector path widens
/// 32 bytes to 16-bit lanes, adds, clamps and narrows back; <see cref="Scalar"/> is the reference it is tested against.
/// </remarks>
public static class SaturatingDelta
{
    /// <param name="values">Bytes changed in place.</param>
    /// <param name="delta">Same length as <paramref name="values"/>.</param>
    /// <param name="negate">Subtract instead of add.</param>
    public static void Apply(Span<byte> values, ReadOnlySpan<sbyte> delta, bool negate)
    {
        if (values.Length != delta.Length)
        {
            throw new ArgumentException($"Lengths differ: {values.Length} values, {delta.Length} deltas.", nameof(delta));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<byte>.Count)
        {
            ref var v = ref MemoryMarshal.GetReference(values);
            ref var d = ref MemoryMarshal.GetReference(delta);
            var max = Vector256.Create((short)255);
            for (; i <= values.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var (vl, vh) = Vector256.Widen(Vector256.LoadUnsafe(ref v, (nuint)i));
                var (dl, dh) = Vector256.Widen(Vector256.LoadUnsafe(ref d, (nuint)i));
                var lo = negate ? vl.AsInt16() - dl : vl.AsInt16() + dl;
                var hi = negate ? vh.AsInt16() - dh : vh.AsInt16() + dh;
                lo = Vector256.Max(Vector256.Min(lo, max), Vector256<short>.Zero);
                hi = Vector256.Max(Vector256.Min(hi, max), Vector256<short>.Zero);
                Vector256.Narrow(lo.AsUInt16(), hi.AsUInt16()).StoreUnsafe(ref v, (nuint)i);
            }
        }

        Scalar(values[i..], delta[i..], negate);
    }

    /// <summary>
    /// Converts whole numbers held as floats (already floored, within ±127) to signed bytes:
    /// <c>destination[i] = (sbyte)source[i]</c>. Vector path: 32 floats → 4×8 int32 → 2×16 int16 → 32 int8.
    /// </summary>
    public static void ToSByte(ReadOnlySpan<float> source, Span<sbyte> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException($"Lengths differ: {source.Length} floats, {destination.Length} bytes.", nameof(destination));
        }

        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var s = ref MemoryMarshal.GetReference(source);
            ref var d = ref MemoryMarshal.GetReference(destination);
            var n = Vector256<float>.Count;
            for (; i <= source.Length - (4 * n); i += 4 * n)
            {
                var a = Vector256.ConvertToInt32(Vector256.LoadUnsafe(ref s, (nuint)i));
                var b = Vector256.ConvertToInt32(Vector256.LoadUnsafe(ref s, (nuint)(i + n)));
                var c = Vector256.ConvertToInt32(Vector256.LoadUnsafe(ref s, (nuint)(i + (2 * n))));
                var e = Vector256.ConvertToInt32(Vector256.LoadUnsafe(ref s, (nuint)(i + (3 * n))));
                Vector256.Narrow(Vector256.Narrow(a, b), Vector256.Narrow(c, e)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = (sbyte)source[i];
        }
    }

    /// <summary>The plain loop: the reference for tests and the tail of <see cref="Apply"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Scalar(Span<byte> values, ReadOnlySpan<sbyte> delta, bool negate)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (byte)Math.Clamp(values[i] + (negate ? -delta[i] : delta[i]), 0, 255);
        }
    }
}
