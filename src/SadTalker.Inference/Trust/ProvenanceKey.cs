using System.Security.Cryptography;

namespace SadTalker.Inference.Trust;

/// <summary>This installation's ECDSA P-256 signing key and its public identity.</summary>
public sealed class ProvenanceKey : IDisposable
{
    internal ProvenanceKey(ECDsa key)
    {
        Key = key;
        PublicKeySpki = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(PublicKeySpki);
    }

    internal ECDsa Key { get; }

    /// <summary>The public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKeySpki { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="PublicKeySpki"/>: how manifests name the key.</summary>
    public string KeyId { get; }

    /// <summary>The public key as PEM (for the about page, or <c>verify --public-key</c>).</summary>
    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKeySpki);

    /// <summary>The key id of a DER SubjectPublicKeyInfo.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> spki) => Convert.ToHexStringLower(SHA256.HashData(spki));

    public void Dispose() => Key.Dispose();
}
