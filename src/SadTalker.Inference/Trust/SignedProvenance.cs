using System.Text.Json.Nodes;

namespace SadTalker.Inference.Trust;

/// <summary>
/// A signed provenance envelope, as stored in the MP4 tag and the sidecar file:
/// <code>
/// { "format": "sadtalker-provenance/1",
///   "statement": { "manifest": {…}, "media": { "method": "…", "streams": ["0,v,SHA256=…", …] } },
///   "signature": { "algorithm": "ES256", "keyId": "…", "publicKey": base64 SPKI, "value": base64 r‖s } }
/// </code>
/// The signature is ECDSA P-256 with SHA-256 over <see cref="CanonicalJson"/> of "statement".
/// </summary>
public sealed record SignedProvenance(
    ProvenanceManifest Manifest, IReadOnlyList<string> MediaStreams, string KeyId, byte[] PublicKeySpki, byte[] Signature)
{
    public const string FormatId = "sadtalker-provenance/1";
    public const string Algorithm = "ES256";

    /// <summary>The MP4 metadata key (written with <c>-movflags use_metadata_tags</c>).</summary>
    public const string MetadataKey = "sadtalker_provenance";

    /// <summary>The bytes the signature covers: canonical JSON of the statement as signed or as read back.</summary>
    public byte[] SignedBytes { get; init; } = CanonicalJson.Serialize(Statement(Manifest, MediaStreams));

    /// <summary>The signed part: manifest + media hash.</summary>
    public static JsonObject Statement(ProvenanceManifest manifest, IReadOnlyList<string> mediaStreams) => new()
    {
        ["manifest"] = CanonicalJson.ToNode(manifest),
        ["media"] = new JsonObject
        {
            ["method"] = MediaHash.Method,
            ["streams"] = new JsonArray(mediaStreams.Select(s => (JsonNode?)s).ToArray()),
        },
    };

    public JsonObject ToNode() => new()
    {
        ["format"] = FormatId,
        ["statement"] = Statement(Manifest, MediaStreams),
        ["signature"] = new JsonObject
        {
            ["algorithm"] = Algorithm,
            ["keyId"] = KeyId,
            ["publicKey"] = Convert.ToBase64String(PublicKeySpki),
            ["value"] = Convert.ToBase64String(Signature),
        },
    };

    /// <summary>Parses an envelope; the signature is not checked here.</summary>
    /// <exception cref="FormatException">Not an envelope of this format.</exception>
    public static SignedProvenance Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The provenance record is not a JSON object.");
            var format = root["format"]?.GetValue<string>();
            if (format != FormatId)
            {
                throw new FormatException($"Unknown provenance format '{format}'; expected {FormatId}.");
            }

            var statement = root["statement"] as JsonObject ?? throw new FormatException("The provenance record has no statement.");
            var signature = root["signature"] as JsonObject ?? throw new FormatException("The provenance record has no signature.");
            if (signature["algorithm"]?.GetValue<string>() != Algorithm)
            {
                throw new FormatException($"Unsupported signature algorithm '{signature["algorithm"]}'; expected {Algorithm}.");
            }

            var manifest = CanonicalJson.FromNode(statement["manifest"] as JsonObject ?? throw new FormatException("The statement has no manifest."));
            var streams = (statement["media"]?["streams"] as JsonArray ?? throw new FormatException("The statement has no media hash."))
                .Select(s => s!.GetValue<string>()).ToList();
            return new SignedProvenance(
                manifest,
                streams,
                signature["keyId"]?.GetValue<string>() ?? string.Empty,
                Convert.FromBase64String(signature["publicKey"]?.GetValue<string>() ?? string.Empty),
                Convert.FromBase64String(signature["value"]?.GetValue<string>() ?? string.Empty))
            {
                SignedBytes = CanonicalJson.Serialize(statement),
            };
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new FormatException($"The provenance record is not valid JSON of the expected shape: {ex.Message}", ex);
        }
    }
}
