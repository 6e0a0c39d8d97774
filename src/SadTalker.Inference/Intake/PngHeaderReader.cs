using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Reads the PNG IHDR chunk and walks the chunk list to check the file reaches IEND.</summary>
/// <remarks>
/// Layout (PNG spec, section 5): an 8-byte signature, then chunks of [length u32 BE][type 4 ASCII][data][CRC u32].
/// The first chunk must be IHDR with 13 data bytes: width u32 BE, height u32 BE, bit depth, colour type, ...
/// Width and height are 1..2^31-1. CRCs are not verified: ffmpeg checks the data when it decodes.
/// </remarks>
internal static class PngHeaderReader
{
    private const string Name = "PNG";
    private const int SignatureLength = 8;
    private const int ChunkOverhead = 12; // length + type + CRC

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        // Signature (8) + IHDR length and type (8) + width and height (8).
        if (data.Length < SignatureLength + 16)
        {
            throw ImageErrors.Truncated(Name, "it ends inside the header");
        }

        var ihdr = data[SignatureLength..];
        if (!ihdr.Slice(4, 4).SequenceEqual("IHDR"u8) || BinaryPrimitives.ReadUInt32BigEndian(ihdr) != 13)
        {
            throw ImageErrors.Corrupt(Name, "the first chunk is not a valid IHDR header");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[12..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw ImageErrors.Corrupt(Name, $"it declares an impossible size of {width} x {height} pixels");
        }

        return new ImageHeader(ImageFormat.Png, (int)width, (int)height, 1);
    }

    public static void EnsureComplete(ReadOnlySpan<byte> data)
    {
        var offset = (long)SignatureLength;
        var sawImageData = false;
        while (offset + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[(int)offset..]);
            if (length > int.MaxValue)
            {
                throw ImageErrors.Corrupt(Name, "a chunk declares an impossible length");
            }

            var type = data.Slice((int)offset + 4, 4);
            var end = offset + ChunkOverhead + length;
            if (end > data.Length)
            {
                throw ImageErrors.Truncated(Name, "it ends in the middle of its image data");
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                sawImageData = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                if (!sawImageData)
                {
                    throw ImageErrors.Corrupt(Name, "it contains no image data");
                }

                return;
            }

            offset = end;
        }

        throw ImageErrors.Truncated(Name, "its end marker (IEND) is missing");
    }
}
