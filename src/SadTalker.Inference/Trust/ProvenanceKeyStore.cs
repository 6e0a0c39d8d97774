using System.Security.Cryptography;

namespace SadTalker.Inference.Trust;

/// <summary>
/// Keeps the installation's signing key in a folder (the web app's data folder, say): generated on first use as a
/// PKCS#8 PEM file readable only by its owner (folder 0700, file 0600), loaded afterwards.
/// </summary>
/// <remarks>
/// The file is written to a temporary name with mode 0600 from the start and then moved into place without
/// overwriting, so a second process starting at the same moment loads the first one's key instead of replacing it.
/// A key file that group or others can read is refused: a leaked key lets anyone sign videos as this installation.
/// </remarks>
public static class ProvenanceKeyStore
{
    public const string FileName = "provenance-signing-key.pem";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Loads the key under <paramref name="folder"/>, creating folder and key when missing.</summary>
    /// <exception cref="InvalidOperationException">The key file is readable by others, or is not an EC P-256 key.</exception>
    public static ProvenanceKey LoadOrCreate(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(full);
            }
            else
            {
                Directory.CreateDirectory(full, OwnerOnlyFolder);
            }
        }

        var path = Path.Combine(full, FileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        return Load(path);
    }

    /// <summary>Loads a key file written by <see cref="LoadOrCreate"/>.</summary>
    public static ProvenanceKey Load(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            throw new InvalidOperationException(
                $"The provenance signing key {path} is accessible to other users (mode {Convert.ToString((int)File.GetUnixFileMode(path), 8)}); " +
                "run chmod 600 on it (and consider it leaked: delete it to make a new one).");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new InvalidOperationException($"The provenance signing key {path} is not an ECDSA P-256 key.");
            }

            return new ProvenanceKey(key);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"The provenance signing key {path} cannot be read: {ex.Message}", ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static void TryCreate(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
            {
                writer.Write(pem);
            }

            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key first: use theirs.
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
