using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SadTalker.Cli;

/// <summary>
/// A .npy array (NumPy format 1.0, little-endian, C order) of float32 or int64, the two element types the pack's
/// networks take: what <c>models run</c> reads as inputs and writes as outputs.
/// </summary>
internal sealed partial record NpyArray(long[] Shape, float[]? Floats, long[]? Longs)
{
    public static NpyArray Read(string path)
    {
        var file = File.ReadAllBytes(path);
        if (file.Length < 10 || file[0] != 0x93 || !file.AsSpan(1, 5).SequenceEqual("NUMPY"u8))
        {
            throw new InvalidDataException($"{path} is not a .npy file.");
        }

        var (headerLength, offset) = file[6] == 1
            ? (BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)), 10)
            : ((int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)), 12);
        var header = Encoding.ASCII.GetString(file, offset, headerLength);
        if (header.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: Fortran-order arrays are not supported; save it C-contiguous.");
        }

        var descr = DescrPattern().Match(header).Groups[1].Value;
        var shape = ShapePattern().Match(header).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture))
            .ToArray();
        var body = file.AsSpan(offset + headerLength);
        var count = shape.Aggregate(1L, (a, b) => a * b);
        switch (descr)
        {
            case "<f4":
                var floats = new float[count];
                for (var i = 0; i < count; i++)
                {
                    floats[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(i * 4)..]);
                }

                return new NpyArray(shape, floats, null);
            case "<i8":
                var longs = new long[count];
                for (var i = 0; i < count; i++)
                {
                    longs[i] = BinaryPrimitives.ReadInt64LittleEndian(body[(i * 8)..]);
                }

                return new NpyArray(shape, null, longs);
            default:
                throw new InvalidDataException($"{path}: element type '{descr}' is not supported; use float32 or int64.");
        }
    }

    public void Write(string path)
    {
        var descr = Floats is null ? "<i8" : "<f4";
        var dims = string.Join(", ", Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}{(Shape.Length == 1 ? "," : "")}), }}";
        // The header (with the 10-byte preamble) is padded with spaces to a multiple of 64 and ends in a newline.
        var padded = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, .. "NUMPY"u8, 1, 0]);
        Span<byte> scratch = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(scratch, (ushort)padded.Length);
        stream.Write(scratch[..2]);
        stream.Write(Encoding.ASCII.GetBytes(padded));
        if (Floats is { } floats)
        {
            foreach (var value in floats)
            {
                BinaryPrimitives.WriteSingleLittleEndian(scratch, value);
                stream.Write(scratch[..4]);
            }
        }
        else
        {
            foreach (var value in Longs!)
            {
                BinaryPrimitives.WriteInt64LittleEndian(scratch, value);
                stream.Write(scratch);
            }
        }
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
