namespace SadTalker.Inference.Intake;

/// <summary>
/// Identifies JPEG, PNG, WebP and BMP from their first bytes and reads the declared size (and JPEG EXIF orientation)
/// from the headers without decoding, so that pixel floods are refused before any decoder allocates a frame.
/// The file name and the client's Content-Type play no part.
/// </summary>
public static class ImageFormatSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>Reads the format, declared size and orientation from the start of a file.</summary>
    /// <param name="data">The file's bytes; the headers are enough (a few hundred bytes, more for JPEGs with large EXIF).</param>
    /// <exception cref="IntakeException">
    /// <see cref="IntakeErrorCodes.ImageEmpty"/>, <see cref="IntakeErrorCodes.ImageUnsupportedFormat"/>,
    /// <see cref="IntakeErrorCodes.ImageTruncated"/> (the headers are cut off) or <see cref="IntakeErrorCodes.ImageCorrupt"/>.
    /// </exception>
    public static ImageHeader Sniff(ReadOnlySpan<byte> data) => Detect(data) switch
    {
        ImageFormat.Png => PngHeaderReader.Read(data),
        ImageFormat.Jpeg => JpegHeaderReader.Read(data),
        ImageFormat.WebP => WebPHeaderReader.Read(data),
        _ => BmpHeaderReader.Read(data),
    };

    /// <summary>
    /// Checks that the whole file is present: PNG reaches IEND, JPEG reaches EOI, WebP holds its RIFF size, BMP holds
    /// its pixel array. Decoders often "succeed" on a cut-off file (ffmpeg pads a truncated JPEG with grey), so this
    /// is checked separately, after the cheap size checks.
    /// </summary>
    /// <param name="data">The entire file.</param>
    /// <exception cref="IntakeException"><see cref="IntakeErrorCodes.ImageTruncated"/> or <see cref="IntakeErrorCodes.ImageCorrupt"/>.</exception>
    public static void EnsureComplete(ReadOnlySpan<byte> data, ImageFormat format)
    {
        switch (format)
        {
            case ImageFormat.Png:
                PngHeaderReader.EnsureComplete(data);
                break;
            case ImageFormat.Jpeg:
                JpegHeaderReader.EnsureComplete(data);
                break;
            case ImageFormat.WebP:
                WebPHeaderReader.EnsureComplete(data);
                break;
            case ImageFormat.Bmp:
                BmpHeaderReader.EnsureComplete(data);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format.");
        }
    }

    private static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new IntakeException(IntakeErrorCodes.ImageEmpty, "The file is empty (0 bytes).");
        }

        if (data.StartsWith(PngSignature))
        {
            return ImageFormat.Png;
        }

        if (data.StartsWith(JpegSignature))
        {
            return ImageFormat.Jpeg;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        if (data.StartsWith("BM"u8))
        {
            return ImageFormat.Bmp;
        }

        // A file cut off inside a signature is a truncation, not a wrong format.
        if (IsCutSignature(data))
        {
            throw ImageErrors.Truncated("image", "it ends inside the first bytes");
        }

        var kind = FileKindGuesser.Describe(data);
        throw ImageErrors.Unsupported(kind is null
            ? "The file is not an image in a supported format."
            : $"The file looks like {kind}, not a supported image.");
    }

    private static bool IsCutSignature(ReadOnlySpan<byte> data) =>
        PngSignature.StartsWith(data)
        || JpegSignature.StartsWith(data)
        || (data.Length < 12 && (data.Length <= 4 ? "RIFF"u8.StartsWith(data) : data.StartsWith("RIFF"u8)));
}
