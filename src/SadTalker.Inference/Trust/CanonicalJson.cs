using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SadTalker.Inference.Trust;

/// <summary>
/// The byte form that is signed: UTF-8 JSON with object members sorted by ordinal name, no insignificant white
/// space, and only strings, booleans, null, arrays, objects and integers (the JCS subset of RFC 8785 that needs no
/// floating-point formatting). Parsing the signed JSON back and writing it again gives the same bytes.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="FormatException">The node holds a number that is not an integer.</exception>
    public static byte[] Serialize(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            Write(writer, node);
        }

        return stream.ToArray();
    }

    /// <summary>The manifest as a JSON object with camelCase names; CreatedUtc as yyyy-MM-ddTHH:mm:ss.fffZ.</summary>
    public static JsonObject ToNode(ProvenanceManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new JsonObject
        {
            ["generatorName"] = manifest.GeneratorName,
            ["generatorVersion"] = manifest.GeneratorVersion,
            ["engineId"] = manifest.EngineId,
            ["engineVersion"] = manifest.EngineVersion,
            ["modelSha256"] = Map(manifest.ModelSha256),
            ["portraitSha256"] = manifest.PortraitSha256,
            ["audioSha256"] = manifest.AudioSha256,
            ["options"] = Map(manifest.Options),
            ["consent"] = manifest.Consent is { } c
                ? new JsonObject
                {
                    ["recordId"] = c.RecordId,
                    ["state"] = c.State,
                    ["permittedUses"] = new JsonArray(c.PermittedUses.Select(u => (JsonNode?)u).ToArray()),
                }
                : null,
            ["teamId"] = manifest.TeamId,
            ["jobId"] = manifest.JobId,
            ["createdUtc"] = manifest.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["watermarkPayload"] = manifest.WatermarkPayload,
            ["digitalSourceType"] = manifest.DigitalSourceType,
        };
    }

    /// <summary>Reads a manifest back from <see cref="ToNode"/>'s form.</summary>
    /// <exception cref="FormatException">A member is missing or has the wrong type.</exception>
    public static ProvenanceManifest FromNode(JsonObject node)
    {
        try
        {
            var consent = node["consent"] as JsonObject;
            return new ProvenanceManifest
            {
                GeneratorName = Text(node, "generatorName"),
                GeneratorVersion = Text(node, "generatorVersion"),
                EngineId = Text(node, "engineId"),
                EngineVersion = Text(node, "engineVersion"),
                ModelSha256 = MapOf(node["modelSha256"]),
                PortraitSha256 = Text(node, "portraitSha256"),
                AudioSha256 = Text(node, "audioSha256"),
                Options = MapOf(node["options"]),
                Consent = consent is null
                    ? null
                    : new ConsentSnapshot(
                        Text(consent, "recordId"),
                        Text(consent, "state"),
                        (consent["permittedUses"] as JsonArray ?? []).Select(u => u!.GetValue<string>()).ToList()),
                TeamId = node["teamId"]?.GetValue<string>(),
                JobId = Text(node, "jobId"),
                CreatedUtc = DateTime.Parse(Text(node, "createdUtc"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                WatermarkPayload = Text(node, "watermarkPayload"),
                DigitalSourceType = Text(node, "digitalSourceType"),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException)
        {
            throw new FormatException($"The provenance manifest is malformed: {ex.Message}", ex);
        }
    }

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new FormatException($"Member '{name}' is missing.");

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    private static Dictionary<string, string> MapOf(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                writer.WriteRawValue(value.TryGetValue<long>(out var integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : throw new FormatException($"Only integer numbers can be signed; got {value.ToJsonString()}."));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>UTF-8 text of <see cref="Serialize"/>.</summary>
    public static string SerializeToString(JsonNode? node) => Encoding.UTF8.GetString(Serialize(node));
}
