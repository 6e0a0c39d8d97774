using System.Text.Json;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>Reads the <c>packs</c> section of models/manifest.json into typed contracts.</summary>
/// <remarks>
/// Parsed with <see cref="JsonDocument"/> rather than a serializer because the manifest's older entries use free text
/// where the pack entries use arrays (BlazeFace's "outputs"), and every missing or mistyped field should be named
/// with its JSON path. A shape dimension is a JSON number (fixed) or string (symbolic).
/// </remarks>
public static class ModelManifest
{
    /// <summary>Loads pack <paramref name="packId"/> from the manifest file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON, or the pack is absent or malformed.</exception>
    public static PackContract LoadPack(string manifestPath, string packId)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        using var stream = File.OpenRead(manifestPath);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{manifestPath} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var where = manifestPath;
            if (!document.RootElement.TryGetProperty("packs", out var packs) || packs.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{where}: no \"packs\" array.");
            }

            foreach (var pack in packs.EnumerateArray())
            {
                if (Text(pack, "id", where) == packId)
                {
                    return ReadPack(pack, $"{where}: packs[{packId}]");
                }
            }

            throw new InvalidDataException($"{where}: no pack with id \"{packId}\".");
        }
    }

    private static PackContract ReadPack(JsonElement pack, string where)
    {
        var models = Array(pack, "models", where).Select((m, i) => ReadModel(m, $"{where}.models[{i}]")).ToList();
        var duplicate = models.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{where}: model id \"{duplicate.Key}\" appears twice.");
        }

        return new PackContract(Text(pack, "id", where), Text(pack, "directory", where), models);
    }

    private static ModelContract ReadModel(JsonElement model, string where)
    {
        var id = Text(model, "id", where);
        where = $"{where} ({id})";
        int? size = model.TryGetProperty("size", out var s) ? s.GetInt32() : null;
        var sha = model.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()!.ToLowerInvariant() : null;
        return new ModelContract(
            id,
            Text(model, "role", where),
            Text(model, "file", where),
            model.TryGetProperty("optional", out var o) && o.GetBoolean(),
            size,
            sha,
            Opsets(model, where),
            Array(model, "inputs", where).Select(t => ReadTensor(t, $"{where}.inputs")).ToList(),
            Array(model, "outputs", where).Select(t => ReadTensor(t, $"{where}.outputs")).ToList());
    }

    /// <summary>"opset": 17 or "opset": [17, 20]; absent means any.</summary>
    private static List<int> Opsets(JsonElement model, string where) =>
        !model.TryGetProperty("opset", out var op) ? []
        : op.ValueKind == JsonValueKind.Number ? [op.GetInt32()]
        : op.ValueKind == JsonValueKind.Array ? op.EnumerateArray().Select(v => v.GetInt32()).ToList()
        : throw new InvalidDataException($"{where}.opset: a number or a list of numbers.");

    private static TensorContract ReadTensor(JsonElement tensor, string where)
    {
        var name = Text(tensor, "name", where);
        var shape = Array(tensor, "shape", $"{where}[{name}]").Select(d => d.ValueKind switch
        {
            JsonValueKind.Number => TensorDim.Fixed(d.GetInt32()),
            JsonValueKind.String => TensorDim.Named(d.GetString()!),
            _ => throw new InvalidDataException($"{where}[{name}].shape: a dimension must be a number or a name."),
        }).ToList();
        var description = string.Join("; ", new[] { "layout", "range", "meaning" }
            .Where(key => tensor.TryGetProperty(key, out _))
            .Select(key => $"{key} {tensor.GetProperty(key).GetString()}"));
        return new TensorContract(name, Text(tensor, "dtype", where), shape, description);
    }

    private static string Text(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{where}: \"{property}\" must be a string.");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new InvalidDataException($"{where}: \"{property}\" must be an array.");
}
