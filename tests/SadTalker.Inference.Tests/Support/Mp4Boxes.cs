using System.Buffers.Binary;
using System.Text;

namespace SadTalker.Inference.Tests.Support;

/// <summary>Lists the top-level boxes (atoms) of an ISO-BMFF / MP4 file: ftyp, moov, mdat, free, ...</summary>
internal static class Mp4Boxes
{
    public static IReadOnlyList<(string Type, long Offset, long Size)> TopLevel(string path)
    {
        using var file = File.OpenRead(path);
        var boxes = new List<(string, long, long)>();
        Span<byte> header = stackalloc byte[16];
        long offset = 0;
        while (offset + 8 <= file.Length)
        {
            file.Position = offset;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header[4..8]);
            if (size == 1)
            {
                // 64-bit "largesize" follows the type.
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            }
            else if (size == 0)
            {
                // The box runs to the end of the file.
                size = file.Length - offset;
            }

            Assert.True(size >= 8, $"box '{type}' at {offset} has size {size}");
            boxes.Add((type, offset, size));
            offset += size;
        }

        Assert.Equal(file.Length, offset);
        return boxes;
    }
}
