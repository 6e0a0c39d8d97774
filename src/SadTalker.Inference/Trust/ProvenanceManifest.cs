namespace SadTalker.Inference.Trust;

/// <summary>
/// What this installation states about one generated video: who made it with what, from which inputs, under which
/// consent. Serialised as canonical JSON (<see cref="CanonicalJson"/>) and signed by <see cref="ProvenanceSigner"/>.
/// </summary>
/// <remarks>Only strings (and string lists/maps) so the canonical form never depends on number formatting.</remarks>
public sealed record ProvenanceManifest
{
    /// <summary>IPTC digital source type for media made by a trained model.</summary>
    public const string TrainedAlgorithmicMedia = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    public required string GeneratorName { get; init; }

    public required string GeneratorVersion { get; init; }

    public required string EngineId { get; init; }

    public required string EngineVersion { get; init; }

    /// <summary>SHA-256 (hex) of every model file the engine used, by file name; empty for an engine without weights.</summary>
    public IReadOnlyDictionary<string, string> ModelSha256 { get; init; } = new Dictionary<string, string>();

    /// <summary>SHA-256 (hex) of the portrait file as uploaded.</summary>
    public required string PortraitSha256 { get; init; }

    /// <summary>SHA-256 (hex) of the driving audio file as uploaded.</summary>
    public required string AudioSha256 { get; init; }

    /// <summary>The job's generation options, as invariant strings.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>The consent record at generation time; null when the job had none (CLI runs).</summary>
    public ConsentSnapshot? Consent { get; init; }

    /// <summary>Owning team id; null outside the web app.</summary>
    public string? TeamId { get; init; }

    /// <summary>The job id the watermark payload was derived from.</summary>
    public required string JobId { get; init; }

    /// <summary>Creation time, UTC.</summary>
    public required DateTime CreatedUtc { get; init; }

    /// <summary>The invisible watermark's payload (<see cref="WatermarkPayload.Hex"/>).</summary>
    public required string WatermarkPayload { get; init; }

    public string DigitalSourceType { get; init; } = TrainedAlgorithmicMedia;
}
