using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace SadTalker.Inference.Trust;

/// <summary>The 64 bits the invisible watermark carries: the first 8 bytes of SHA-256 of the job id.</summary>
/// <remarks>
/// Hashing (rather than embedding half of the Guid) spreads time-ordered ids over all 64 bits, so two jobs made in
/// the same millisecond still differ in many bits. The owner looks the job up by <see cref="Hex"/>; with 64 bits two
/// of a million jobs share a payload with probability about 3·10⁻⁸ (birthday bound n²/2⁶⁵).
/// </remarks>
/// <param name="Value">The payload, most significant bit embedded first.</param>
public readonly record struct WatermarkPayload(ulong Value)
{
    public const int Bits = 64;

    /// <summary>16 lower-case hex digits.</summary>
    public string Hex => Value.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The payload that marks the output of job <paramref name="jobId"/>.</summary>
    public static WatermarkPayload FromJobId(Guid jobId)
    {
        Span<byte> bytes = stackalloc byte[16];
        jobId.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return new WatermarkPayload(BinaryPrimitives.ReadUInt64BigEndian(hash));
    }

    /// <summary>Parses 16 hex digits.</summary>
    public static WatermarkPayload ParseHex(string hex) =>
        hex.Length == 16 && ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            ? new WatermarkPayload(v)
            : throw new FormatException($"A watermark payload is 16 hex digits; got '{hex}'.");

    public override string ToString() => Hex;
}
