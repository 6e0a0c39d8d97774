using System.Buffers.Binary;

namespace SadTalker.Inference.Tests.Intake;

/// <summary>Byte-level surgery on real image files: oversized headers, inserted EXIF, crafted bitmaps.</summary>
internal static class CraftedImages
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Rewrites the IHDR width and height of a PNG (and its CRC, so only the size is wrong).</summary>
    public static byte[] WithPngSize(byte[] png, uint width, uint height)
    {
        var copy = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    /// <summary>Rewrites the size in a JPEG's first SOF0/SOF2 frame header.</summary>
    public static byte[] WithJpegSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = (byte[])jpeg.Clone();
        var sof = FindMarker(copy, 0xC0);
        if (sof < 0)
        {
            sof = FindMarker(copy, 0xC2);
        }

        Assert.True(sof > 0, "the JPEG has a baseline or progressive frame header");
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(sof + 7), width);
        return copy;
    }

    /// <summary>Inserts an APP1 Exif segment right after SOI whose IFD0 holds a Make tag and then the orientation.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation, bool bigEndian, ushort type = 3)
    {
        var tiff = new byte[8 + 2 + (2 * 12) + 4 + 6];
        var span = tiff.AsSpan();
        span[0] = span[1] = (byte)(bigEndian ? 'M' : 'I');
        U16(span[2..], 42, bigEndian);
        U32(span[4..], 8, bigEndian);
        U16(span[8..], 2, bigEndian);

        // Entry 1: Make (0x010F, ASCII, 6 bytes at offset 38) so the reader has to skip an entry.
        U16(span[10..], 0x010F, bigEndian);
        U16(span[12..], 2, bigEndian);
        U32(span[14..], 6, bigEndian);
        U32(span[18..], 38, bigEndian);

        // Entry 2: Orientation (0x0112, SHORT, count 1, value in the first two bytes of the field).
        U16(span[22..], 0x0112, bigEndian);
        U16(span[24..], type, bigEndian);
        U32(span[26..], 1, bigEndian);
        U16(span[30..], orientation, bigEndian);
        U32(span[34..], 0, bigEndian); // no IFD1
        "Test!\0"u8.CopyTo(span[38..]);

        byte[] app1 = [0xFF, 0xE1, 0, 0, .. "Exif\0\0"u8, .. tiff];
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>A 24-bit bitmap with the 12-byte OS/2 BITMAPCOREHEADER, rows bottom-up, each padded to 4 bytes.</summary>
    public static byte[] CoreHeaderBmp(ushort width, ushort height)
    {
        var row = ((24 * width) + 31) / 32 * 4;
        var bmp = new byte[14 + 12 + (row * height)];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(2), (uint)bmp.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(10), 26);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(14), 12);
        BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(20), height);
        BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(24), 24);
        return bmp;
    }

    /// <summary>Position of the first FF xx marker (the FF byte) in a JPEG, or -1.</summary>
    public static int FindMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                return i;
            }
        }

        return -1;
    }

    private static void U16(Span<byte> s, ushort v, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, v);
        }
    }

    private static void U32(Span<byte> s, uint v, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
