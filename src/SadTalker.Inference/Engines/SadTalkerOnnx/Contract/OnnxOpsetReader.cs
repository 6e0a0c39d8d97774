namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>Reads a model's default-domain opset from the ONNX file; ONNX Runtime's managed API does not expose it.</summary>
/// <remarks>
/// An .onnx file is a protobuf <c>ModelProto</c>; <c>opset_import</c> is field 8, each an <c>OperatorSetIdProto</c>
/// with <c>domain</c> (field 1, "" or "ai.onnx" for the default domain) and <c>version</c> (field 2). Only the top
/// level is walked; the graph (field 7, most of the file) is skipped with a seek, so reading is O(fields), not O(bytes).
/// </remarks>
internal static class OnnxOpsetReader
{
    private const int OpsetImportField = 8;

    /// <summary>The default-domain opset, or null when the file declares none or is not a readable protobuf.</summary>
    public static int? Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            int? opset = null;
            while (stream.Position < stream.Length)
            {
                var key = ReadVarint(stream);
                var (field, wire) = ((int)(key >> 3), (int)(key & 7));
                if (wire == 2)
                {
                    var length = (long)ReadVarint(stream);
                    if (field == OpsetImportField && length < 4096)
                    {
                        var body = new byte[length];
                        stream.ReadExactly(body);
                        opset = ReadDefaultDomainVersion(body) ?? opset;
                    }
                    else
                    {
                        stream.Seek(length, SeekOrigin.Current);
                    }
                }
                else
                {
                    Skip(stream, wire);
                }
            }

            return opset;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException)
        {
            return null;
        }
    }

    private static int? ReadDefaultDomainVersion(byte[] body)
    {
        using var stream = new MemoryStream(body);
        var domain = string.Empty;
        long? version = null;
        while (stream.Position < stream.Length)
        {
            var key = ReadVarint(stream);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            if (field == 1 && wire == 2)
            {
                var text = new byte[(int)ReadVarint(stream)];
                stream.ReadExactly(text);
                domain = System.Text.Encoding.UTF8.GetString(text);
            }
            else if (field == 2 && wire == 0)
            {
                version = (long)ReadVarint(stream);
            }
            else
            {
                Skip(stream, wire);
            }
        }

        return domain is "" or "ai.onnx" && version is { } v ? (int)v : null;
    }

    private static void Skip(Stream stream, int wire)
    {
        switch (wire)
        {
            case 0: ReadVarint(stream); break;
            case 1: stream.Seek(8, SeekOrigin.Current); break;
            case 2: stream.Seek((long)ReadVarint(stream), SeekOrigin.Current); break;
            case 5: stream.Seek(4, SeekOrigin.Current); break;
            default: throw new InvalidDataException($"Unsupported protobuf wire type {wire}.");
        }
    }

    private static ulong ReadVarint(Stream stream)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed protobuf varint.");
    }
}
