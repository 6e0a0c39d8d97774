using System.Text.Json;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>
/// What <c>scripts/import-sadtalker.sh</c> records in a pack's <c>export.json</c>: which exporter made it, when, from
/// which checkpoint files (name and size), the 5-D warp variant and the renderer sizes. Shown on the Models page.
/// </summary>
public sealed record PackExportInfo(
    string Exporter, string Created, string Torch, string GridSample, string Layout, IReadOnlyList<int> Sizes,
    IReadOnlyDictionary<string, long> Sources)
{
    public const string FileName = "export.json";

    /// <summary>The record in <paramref name="packDirectory"/>, or null when there is none or it cannot be read.</summary>
    public static PackExportInfo? TryRead(string packDirectory)
    {
        var path = Path.Combine(packDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            string Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";
            var sizes = root.TryGetProperty("sizes", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt32()).ToList()
                : [];
            var sources = root.TryGetProperty("sources", out var src) && src.ValueKind == JsonValueKind.Object
                ? src.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetInt64())
                : [];
            return new PackExportInfo(Text("exporter"), Text("created"), Text("torch"), Text("grid_sample"), Text("layout"), sizes, sources);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
