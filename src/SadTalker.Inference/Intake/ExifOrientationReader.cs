using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Reads the Orientation tag (0x0112) from IFD0 of an EXIF TIFF block, in either byte order.</summary>
/// <remarks>
/// TIFF 6.0 layout: "II" (little-endian) or "MM" (big-endian), the number 42, then the u32 offset of IFD0 from the
/// start of the block. An IFD is a u16 entry count followed by 12-byte entries [tag u16][type u16][count u32][value
/// or offset u32]; a SHORT (type 3) with count 1 sits in the first two bytes of the value field (EXIF 2.32, 4.6.2).
/// A damaged or missing tag yields 1: a bad EXIF block is no reason to refuse an otherwise good photo.
/// </remarks>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort TypeShort = 3;
    private const int EntrySize = 12;

    /// <param name="tiff">The TIFF block: the bytes after "Exif\0\0" in a JPEG APP1 segment.</param>
    /// <returns>1-8; 1 when absent or unreadable.</returns>
    public static int Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return 1;
        }

        bool bigEndian;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            bigEndian = false;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            bigEndian = true;
        }
        else
        {
            return 1;
        }

        if (U16(tiff[2..], bigEndian) != 42)
        {
            return 1;
        }

        var ifd = U32(tiff[4..], bigEndian);
        if (ifd < 8 || ifd > tiff.Length - 2)
        {
            return 1;
        }

        var entries = U16(tiff[(int)ifd..], bigEndian);
        var first = (int)ifd + 2;
        for (var i = 0; i < entries; i++)
        {
            var at = first + (i * EntrySize);
            if (at + EntrySize > tiff.Length)
            {
                return 1;
            }

            var entry = tiff.Slice(at, EntrySize);
            if (U16(entry, bigEndian) != OrientationTag)
            {
                continue;
            }

            if (U16(entry[2..], bigEndian) != TypeShort || U32(entry[4..], bigEndian) != 1)
            {
                return 1;
            }

            var value = U16(entry[8..], bigEndian);
            return value is >= 1 and <= 8 ? value : 1;
        }

        return 1;
    }

    private static ushort U16(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

    private static uint U32(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
}
