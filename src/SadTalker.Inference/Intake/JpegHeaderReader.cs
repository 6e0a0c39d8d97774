using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Walks JPEG marker segments to the frame header (SOFn) for the size, picking up EXIF orientation on the way.</summary>
/// <remarks>
/// ITU T.81 annex B: after SOI (FF D8) come segments [FF marker][length u16 BE, counting itself][payload]. Markers may
/// be preceded by extra FF fill bytes; RSTn (D0-D7) and TEM (01) stand alone. Frame headers are C0-C3, C5-C7, C9-CB
/// and CD-CF (C4 DHT, C8 JPG and CC DAC are not) with payload [precision][height u16][width u16][components].
/// EXIF is an APP1 (E1) segment starting "Exif\0\0". Inside entropy-coded data after SOS (DA) a data FF is always
/// followed by 00 and RSTn may occur, so the next real marker is the first FF followed by anything else; walking
/// scans this way reaches EOI (D9) in complete files, progressive ones included.
/// </remarks>
internal static class JpegHeaderReader
{
    private const string Name = "JPEG";
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;
    private const byte App1 = 0xE1;

    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        var orientation = 0;
        var position = 2;
        while (true)
        {
            var marker = NextMarker(data, ref position);
            if (IsStandalone(marker))
            {
                continue;
            }

            if (marker == EndOfImage || marker == StartOfScan)
            {
                throw ImageErrors.Corrupt(Name, "it has no frame header before its image data");
            }

            var payload = Segment(data, ref position);
            if (IsFrameHeader(marker))
            {
                if (payload.Length < 6)
                {
                    throw ImageErrors.Corrupt(Name, "its frame header is too short");
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
                if (width == 0 || height == 0)
                {
                    // Height 0 means "defined later by a DNL marker", which almost nothing writes or reads.
                    throw ImageErrors.Corrupt(Name, $"it declares a size of {width} x {height} pixels");
                }

                return new ImageHeader(ImageFormat.Jpeg, width, height, Math.Max(orientation, 1));
            }

            if (marker == App1 && orientation == 0 && payload.StartsWith("Exif\0\0"u8))
            {
                orientation = ExifOrientationReader.Read(payload[6..]);
            }
        }
    }

    public static void EnsureComplete(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (true)
        {
            var marker = NextMarker(data, ref position);
            if (marker == EndOfImage)
            {
                return;
            }

            if (IsStandalone(marker))
            {
                continue;
            }

            Segment(data, ref position);
            if (marker == StartOfScan)
            {
                position = SkipEntropyCodedData(data, position);
            }
        }
    }

    /// <summary>Reads the marker at <paramref name="position"/> (skipping fill bytes) and moves past it.</summary>
    private static byte NextMarker(ReadOnlySpan<byte> data, ref int position)
    {
        if (position >= data.Length)
        {
            throw ImageErrors.Truncated(Name, "it ends before its end-of-image marker");
        }

        if (data[position] != 0xFF)
        {
            throw ImageErrors.Corrupt(Name, $"a marker was expected at byte {position}");
        }

        while (position < data.Length && data[position] == 0xFF)
        {
            position++;
        }

        if (position >= data.Length)
        {
            throw ImageErrors.Truncated(Name, "it ends before its end-of-image marker");
        }

        return data[position++];
    }

    /// <summary>Returns the payload of the segment whose length field is at <paramref name="position"/> and moves past it.</summary>
    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> data, ref int position)
    {
        if (position + 2 > data.Length)
        {
            throw ImageErrors.Truncated(Name, "it ends inside a header segment");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
        if (length < 2)
        {
            throw ImageErrors.Corrupt(Name, "a header segment has an impossible length");
        }

        if (position + length > data.Length)
        {
            throw ImageErrors.Truncated(Name, "it ends inside a header segment");
        }

        var payload = data.Slice(position + 2, length - 2);
        position += length;
        return payload;
    }

    /// <summary>Returns the position of the FF that starts the first real marker after a scan's data.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int position)
    {
        while (true)
        {
            var found = data[position..].IndexOf((byte)0xFF);
            if (found < 0)
            {
                throw ImageErrors.Truncated(Name, "it ends in the middle of its image data");
            }

            position += found;
            var next = position + 1;
            while (next < data.Length && data[next] == 0xFF)
            {
                next++; // fill bytes before a marker
            }

            if (next >= data.Length)
            {
                throw ImageErrors.Truncated(Name, "it ends in the middle of its image data");
            }

            var code = data[next];
            if (code != 0x00 && !(code >= 0xD0 && code <= 0xD7))
            {
                return next - 1;
            }

            position = next + 1;
        }
    }

    private static bool IsStandalone(byte marker) => marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);

    private static bool IsFrameHeader(byte marker) =>
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}
