using System.Buffers.Binary;

namespace SadTalker.Inference.Intake;

/// <summary>Names common non-portrait files from their magic bytes, only to make a refusal message specific.</summary>
internal static class FileKindGuesser
{
    /// <returns>A phrase such as "a WAV audio file", or null when the bytes are not recognised.</returns>
    public static string? Describe(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 4 && data[0] == 0x89 && data[1..4].SequenceEqual("PNG"u8))
        {
            return "a PNG image";
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return "a JPEG image";
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return "a GIF image";
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return "a TIFF image";
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8))
        {
            var form = data.Slice(8, 4);
            return form.SequenceEqual("WAVE"u8) ? "a WAV audio file"
                : form.SequenceEqual("WEBP"u8) ? "a WebP image"
                : form.SequenceEqual("AVI "u8) ? "an AVI video"
                : null;
        }

        if (data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = data.Slice(8, 4);
            return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8)
                ? "a HEIC/HEIF photo (convert it to JPEG first)"
                : brand.SequenceEqual("avif"u8) ? "an AVIF image" : "an MP4/QuickTime media file";
        }

        if (data.StartsWith("%PDF"u8))
        {
            return "a PDF document";
        }

        if (data.StartsWith("ID3"u8) || data.StartsWith("OggS"u8) || data.StartsWith("fLaC"u8)
            || (data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xE0) == 0xE0))
        {
            return "an audio file";
        }

        if (data.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(data) == 0x1A45DFA3)
        {
            return "a Matroska/WebM video";
        }

        return null;
    }
}
