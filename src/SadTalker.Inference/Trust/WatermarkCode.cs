namespace SadTalker.Inference.Trust;

/// <summary>
/// The error-control code of the watermark: 64 payload bits + CRC-16, then a rate-½ convolutional code (constraint
/// length 7, generators 133/171 octal, 6 zero tail bits) decoded with a soft-decision Viterbi decoder.
/// </summary>
/// <remarks>
/// Why this code: the channel hands the decoder soft values (summed correlations, roughly Gaussian), and soft Viterbi
/// on the K=7 code gains about 5 dB over uncoded bits at the same energy, far more than a repetition code and with
/// no need for hard decisions that a BCH code would take. The CRC detects what the convolutional code could not
/// correct, and together with the pilot score it keeps false positives away: a random video passes it with
/// probability 2⁻¹⁶ at the one hypothesis the pilot chose. Layout: 64 + 16 + 6 = 86 input bits → 172 coded bits.
/// </remarks>
public static class WatermarkCode
{
    public const int CrcBits = 16;
    public const int MessageBits = WatermarkPayload.Bits + CrcBits;
    public const int CodedBits = 2 * (MessageBits + TailBits);
    private const int ConstraintLength = 7;
    private const int TailBits = ConstraintLength - 1;
    private const int States = 1 << TailBits;
    private const int G1 = 0b1011011; // 133 octal
    private const int G2 = 0b1111001; // 171 octal

    /// <summary>The 172 coded bits (0/1) of <paramref name="payload"/>.</summary>
    public static byte[] Encode(WatermarkPayload payload)
    {
        var message = MessageBitsOf(payload);
        var coded = new byte[CodedBits];
        var register = 0;
        for (var i = 0; i < MessageBits + TailBits; i++)
        {
            var bit = i < MessageBits ? message[i] : 0;
            register = ((register << 1) | bit) & ((1 << ConstraintLength) - 1);
            coded[2 * i] = Parity(register & G1);
            coded[(2 * i) + 1] = Parity(register & G2);
        }

        return coded;
    }

    /// <summary>
    /// Decodes soft values (positive = coded bit 0, larger = surer; 0 = erased) and checks the CRC.
    /// Returns null when the CRC does not match.
    /// </summary>
    public static WatermarkPayload? Decode(ReadOnlySpan<float> soft)
    {
        if (soft.Length != CodedBits)
        {
            throw new ArgumentException($"Expected {CodedBits} soft values, got {soft.Length}.", nameof(soft));
        }

        var steps = MessageBits + TailBits;
        var metric = new float[States];
        var next = new float[States];
        var from = new byte[steps, States];
        Array.Fill(metric, float.NegativeInfinity);
        metric[0] = 0;
        for (var i = 0; i < steps; i++)
        {
            Array.Fill(next, float.NegativeInfinity);
            var inputs = i < MessageBits ? 2 : 1;
            for (var state = 0; state < States; state++)
            {
                if (float.IsNegativeInfinity(metric[state]))
                {
                    continue;
                }

                for (var bit = 0; bit < inputs; bit++)
                {
                    var register = (state << 1) | bit;
                    var m = metric[state] + Signed(soft[2 * i], Parity(register & G1)) + Signed(soft[(2 * i) + 1], Parity(register & G2));
                    var target = register & (States - 1);
                    if (m > next[target])
                    {
                        next[target] = m;
                        from[i, target] = (byte)state;
                    }
                }
            }

            (metric, next) = (next, metric);
        }

        var bits = new byte[steps];
        var s = 0;
        for (var i = steps - 1; i >= 0; i--)
        {
            bits[i] = (byte)(s & 1);
            s = from[i, s];
        }

        ulong value = 0;
        for (var i = 0; i < WatermarkPayload.Bits; i++)
        {
            value = (value << 1) | bits[i];
        }

        var crc = 0;
        for (var i = 0; i < CrcBits; i++)
        {
            crc = (crc << 1) | bits[WatermarkPayload.Bits + i];
        }

        return crc == Crc16(value) ? new WatermarkPayload(value) : null;
    }

    /// <summary>CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) of the payload's 8 big-endian bytes.</summary>
    internal static int Crc16(ulong value)
    {
        var crc = 0xFFFF;
        for (var b = 7; b >= 0; b--)
        {
            crc ^= (int)((value >> (8 * b)) & 0xFF) << 8;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }

    private static byte[] MessageBitsOf(WatermarkPayload payload)
    {
        var bits = new byte[MessageBits];
        for (var i = 0; i < WatermarkPayload.Bits; i++)
        {
            bits[i] = (byte)((payload.Value >> (63 - i)) & 1);
        }

        var crc = Crc16(payload.Value);
        for (var i = 0; i < CrcBits; i++)
        {
            bits[WatermarkPayload.Bits + i] = (byte)((crc >> (CrcBits - 1 - i)) & 1);
        }

        return bits;
    }

    private static float Signed(float soft, int bit) => bit == 0 ? soft : -soft;

    private static byte Parity(int x) => (byte)(System.Numerics.BitOperations.PopCount((uint)x) & 1);
}
