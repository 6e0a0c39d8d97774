namespace SadTalker.Inference.Trust;

/// <summary>The verdict on a video's provenance record.</summary>
public enum ProvenanceStatus
{
    /// <summary>Neither the MP4 metadata nor a sidecar holds a record.</summary>
    NoManifest,

    /// <summary>A record is there but cannot be parsed.</summary>
    Malformed,

    /// <summary>Signature valid and the video's packets are the signed ones (check <see cref="ProvenanceVerification.KeyTrusted"/> for whose key).</summary>
    Valid,

    /// <summary>The signature does not verify, or the video was changed after signing.</summary>
    Invalid,
}
