using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SadTalker.Inference.Tests.Support;

/// <summary>Reads the little-endian, C-order .npy arrays the reference scripts write (format 1.0: f4, f8, i4, u1).</summary>
internal static partial class NpyFile
{
    public static (float[] Data, int[] Shape) ReadFloat32(string path)
    {
        var (bytes, shape, descr) = Read(path);
        Assert.Equal("<f4", descr);
        var data = new float[bytes.Length / 4];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }

        return (data, shape);
    }

    public static double[] ReadFloat64(string path)
    {
        var (bytes, _, descr) = Read(path);
        Assert.Equal("<f8", descr);
        var data = new double[bytes.Length / 8];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8));
        }

        return data;
    }

    public static int[] ReadInt32(string path)
    {
        var (bytes, _, descr) = Read(path);
        Assert.Equal("<i4", descr);
        var data = new int[bytes.Length / 4];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return data;
    }

    public static (byte[] Data, int[] Shape) ReadUInt8(string path)
    {
        var (bytes, shape, descr) = Read(path);
        Assert.Equal("|u1", descr);
        return (bytes, shape);
    }

    public static (long[] Data, int[] Shape) ReadInt64(string path)
    {
        var (bytes, shape, descr) = Read(path);
        Assert.Equal("<i8", descr);
        var data = new long[bytes.Length / 8];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * 8));
        }

        return (data, shape);
    }

    /// <summary>Writes a little-endian float32 .npy array (C order) for a reference script to read.</summary>
    public static void WriteFloat32(string path, ReadOnlySpan<float> data, params int[] shape)
    {
        var dims = string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dims}{(shape.Length == 1 ? "," : string.Empty)}), }}";
        header = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 11) + "\n";
        var bytes = new byte[10 + header.Length + (data.Length * 4)];
        bytes[0] = 0x93;
        "NUMPY"u8.CopyTo(bytes.AsSpan(1));
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        for (var i = 0; i < data.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(10 + header.Length + (i * 4)), data[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The element type code of a .npy file, e.g. <c>&lt;f4</c> or <c>&lt;i8</c>.</summary>
    public static string Descr(string path) => Read(path).Descr;

    private static (byte[] Body, int[] Shape, string Descr) Read(string path)
    {
        var file = File.ReadAllBytes(path);
        Assert.True(file[0] == 0x93 && file.AsSpan(1, 5).SequenceEqual("NUMPY"u8), $"{path} is not a .npy file");
        Assert.Equal(1, file[6]);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        var header = Encoding.ASCII.GetString(file, 10, headerLength);
        var descr = DescrPattern().Match(header).Groups[1].Value;
        Assert.Contains("'fortran_order': False", header, StringComparison.Ordinal);
        var shape = ShapePattern().Match(header).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        return (file[(10 + headerLength)..], shape, descr);
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
