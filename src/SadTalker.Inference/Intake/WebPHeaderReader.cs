using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Reads the canvas size of a WebP file from its first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended).</summary>
/// <remarks>
/// RIFF container: "RIFF" [size u32 LE, bytes after this field] "WEBP", then chunks [fourcc][size u32 LE][payload,
/// padded to even]. Sizes (Google "WebP Container Specification" and RFC 6386 section 9.1):
/// VP8  : payload[0..2] frame tag (bit 0 clear on a key frame), [3..5] = 9D 01 2A, width = LE16([6]) &amp; 0x3FFF,
///        height = LE16([8]) &amp; 0x3FFF (the top two bits are an upscaling hint, not part of the size).
/// VP8L : payload[0] = 0x2F, then bits b = LE32([1]): width = (b &amp; 0x3FFF) + 1, height = ((b &gt;&gt; 14) &amp; 0x3FFF) + 1.
/// VP8X : payload[0] flags (0x02 = animation), width = 1 + LE24([4]), height = 1 + LE24([7]).
/// </remarks>
internal static class WebPHeaderReader
{
    private const string Name = "WebP";
    private const int RiffHeader = 12;
    private const int ChunkHeader = 8;
    private const byte AnimationFlag = 0x02;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < RiffHeader + ChunkHeader)
        {
            throw ImageErrors.Truncated(Name, "it ends inside the header");
        }

        var fourcc = data.Slice(RiffHeader, 4);
        var payload = data[(RiffHeader + ChunkHeader)..];
        int width, height;
        if (fourcc.SequenceEqual("VP8 "u8))
        {
            Need(payload, 10);
            if ((payload[0] & 1) != 0 || payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A)
            {
                throw ImageErrors.Corrupt(Name, "its lossy frame header is invalid");
            }

            width = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
        }
        else if (fourcc.SequenceEqual("VP8L"u8))
        {
            Need(payload, 5);
            if (payload[0] != 0x2F)
            {
                throw ImageErrors.Corrupt(Name, "its lossless header is invalid");
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
        }
        else if (fourcc.SequenceEqual("VP8X"u8))
        {
            Need(payload, 10);
            if ((payload[0] & AnimationFlag) != 0)
            {
                // ffmpeg 5.1 cannot decode animated WebP (ANMF frames); say so rather than fail obscurely later.
                throw ImageErrors.Unsupported("Animated WebP images are not supported.");
            }

            width = 1 + (payload[4] | (payload[5] << 8) | (payload[6] << 16));
            height = 1 + (payload[7] | (payload[8] << 8) | (payload[9] << 16));
        }
        else
        {
            throw ImageErrors.Corrupt(Name, "its first chunk is not an image chunk (VP8, VP8L or VP8X)");
        }

        if (width == 0 || height == 0)
        {
            throw ImageErrors.Corrupt(Name, $"it declares a size of {width} x {height} pixels");
        }

        return new ImageHeader(ImageFormat.WebP, width, height, 1);
    }

    public static void EnsureComplete(ReadOnlySpan<byte> data)
    {
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length)
        {
            throw ImageErrors.Truncated(Name, "it is shorter than its header declares");
        }

        var offset = (long)RiffHeader;
        while (offset + ChunkHeader <= riffEnd)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(int)(offset + 4)..]);
            var end = offset + ChunkHeader + size;
            if (end > riffEnd)
            {
                throw ImageErrors.Truncated(Name, "it ends in the middle of a chunk");
            }

            offset = end + (size & 1);
        }
    }

    private static void Need(ReadOnlySpan<byte> payload, int bytes)
    {
        if (payload.Length < bytes)
        {
            throw ImageErrors.Truncated(Name, "it ends inside the header");
        }
    }
}
