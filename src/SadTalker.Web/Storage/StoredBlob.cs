namespace SadTalker.Web.Storage;

/// <summary>A file in the blob store, named by the SHA-256 of its content (lower-case hex).</summary>
public sealed record StoredBlob(string Sha256, long Length);
