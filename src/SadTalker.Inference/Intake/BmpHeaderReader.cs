using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Reads a Windows/OS2 bitmap's file and DIB headers and checks the pixel array fits in the file.</summary>
/// <remarks>
/// "BM", file size u32, reserved u32, pixel-data offset u32 at 10, DIB header size u32 at 14. A 12-byte
/// BITMAPCOREHEADER holds width/height as u16 at 18/20 and bits per pixel at 24; the 40-byte BITMAPINFOHEADER and its
/// extensions (52, 56, 64, 108, 124 bytes) hold width/height as i32 at 18/22 (a negative height means rows are stored
/// top-down), bits per pixel u16 at 28, compression u32 at 30 and image size u32 at 34. An uncompressed row takes
/// ceil(bpp * width / 32) * 4 bytes.
/// </remarks>
internal static class BmpHeaderReader
{
    private const string Name = "BMP";
    private const uint Uncompressed = 0, Rle8 = 1, Rle4 = 2, BitFields = 3, AlphaBitFields = 6;

    public static ImageHeader Read(ReadOnlySpan<byte> data) => Parse(data).Header;

    public static void EnsureComplete(ReadOnlySpan<byte> data)
    {
        var (header, bitsPerPixel, compression, dataOffset, imageSize) = Parse(data);
        long needed = compression is Uncompressed or BitFields or AlphaBitFields
            ? ((((long)bitsPerPixel * header.Width) + 31) / 32 * 4 * header.Height)
            : imageSize; // RLE: only the declared size is known without decoding; 0 means "unknown"
        if (dataOffset > data.Length || dataOffset + needed > data.Length)
        {
            throw ImageErrors.Truncated(Name, "it is shorter than its pixel data");
        }
    }

    private static (ImageHeader Header, int BitsPerPixel, uint Compression, long DataOffset, long ImageSize) Parse(
        ReadOnlySpan<byte> data)
    {
        if (data.Length < 18)
        {
            throw ImageErrors.Truncated(Name, "it ends inside the header");
        }

        long dataOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        if (dibSize is not (12 or 40 or 52 or 56 or 64 or 108 or 124))
        {
            // "BM" is only two bytes, so text starting with "BM" lands here: treat it as an unknown format.
            throw ImageErrors.Unsupported("The file is not an image in a supported format.");
        }

        if (data.Length < 14 + Math.Min(dibSize, 40))
        {
            throw ImageErrors.Truncated(Name, "it ends inside the header");
        }

        long width, height;
        int bitsPerPixel;
        uint compression = Uncompressed;
        long imageSize = 0;
        if (dibSize == 12)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[24..]);
        }
        else
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
            height = Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
            compression = BinaryPrimitives.ReadUInt32LittleEndian(data[30..]);
            imageSize = BinaryPrimitives.ReadUInt32LittleEndian(data[34..]);
        }

        if (width <= 0 || height <= 0 || height > int.MaxValue)
        {
            throw ImageErrors.Corrupt(Name, $"it declares a size of {width} x {height} pixels");
        }

        if (bitsPerPixel is not (1 or 4 or 8 or 16 or 24 or 32))
        {
            throw ImageErrors.Corrupt(Name, $"it declares {bitsPerPixel} bits per pixel");
        }

        if (compression is not (Uncompressed or Rle8 or Rle4 or BitFields or AlphaBitFields))
        {
            throw ImageErrors.Unsupported("Bitmaps with embedded JPEG or PNG data are not supported.");
        }

        var header = new ImageHeader(ImageFormat.Bmp, (int)width, (int)height, 1);
        return (header, bitsPerPixel, compression, dataOffset, imageSize);
    }
}
