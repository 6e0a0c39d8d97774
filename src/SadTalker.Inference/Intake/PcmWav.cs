using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Writes the canonical 44-byte header of a 16-bit PCM WAV file.</summary>
/// <remarks>
/// RIFF layout: "RIFF" [36 + data bytes] "WAVE", "fmt " [16] [format 1 = PCM] [channels] [sample rate]
/// [byte rate = rate * channels * 2] [block align = channels * 2] [16 bits], "data" [data bytes]; all little-endian.
/// </remarks>
internal static class PcmWav
{
    public const int HeaderSize = 44;

    public static byte[] Header(int sampleRate, int channels, long dataBytes)
    {
        if (dataBytes > uint.MaxValue - 36)
        {
            throw new ArgumentOutOfRangeException(nameof(dataBytes), "Too much audio for one WAV file.");
        }

        var h = new byte[HeaderSize];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), (uint)(36 + dataBytes));
        "WAVE"u8.CopyTo(h.AsSpan(8));
        "fmt "u8.CopyTo(h.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(22), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(28), (uint)(sampleRate * channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(32), (ushort)(channels * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(34), 16);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), (uint)dataBytes);
        return h;
    }
}
