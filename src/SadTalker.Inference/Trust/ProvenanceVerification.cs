namespace SadTalker.Inference.Trust;

/// <summary>What <see cref="ProvenanceVerifier"/> found.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Record">The record read back (null when none was found or it was unreadable).</param>
/// <param name="Source">Where the record came from: "mp4 metadata" or the sidecar path.</param>
/// <param name="SignatureValid">The ECDSA signature matches the statement and the key id matches the key.</param>
/// <param name="MediaMatches">The video's packet hashes equal the signed ones.</param>
/// <param name="KeyTrusted">The signing key is one of the trusted keys; null when no trusted key was given.</param>
/// <param name="Problems">Each failed check, in words.</param>
public sealed record ProvenanceVerification(
    ProvenanceStatus Status,
    SignedProvenance? Record,
    string? Source,
    bool SignatureValid,
    bool MediaMatches,
    bool? KeyTrusted,
    IReadOnlyList<string> Problems);
