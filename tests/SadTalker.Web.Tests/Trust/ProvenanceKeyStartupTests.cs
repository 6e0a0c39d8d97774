using SadTalker.Inference.Trust;
using SadTalker.Web.Hosting;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Trust;

/// <summary>The signing key is loaded while the app starts: a bad key file stops it with the reason, a good one is kept.</summary>
public sealed class ProvenanceKeyStartupTests
{
    [Fact]
    public void StartUp_FailsWithTheReason_WhenTheKeyFileIsNotAKey()
    {
        using var factory = new AppFactory();
        var file = KeyFile(factory);
        File.WriteAllText(file, "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains($"The provenance signing key {file} cannot be read", ex.ToString());
    }

    [Fact]
    public void StartUp_FailsWithTheReason_WhenOthersCanReadTheKey()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        using var factory = new AppFactory();
        var file = KeyFile(factory);
        using (var key = ProvenanceKeyStore.LoadOrCreate(Path.GetDirectoryName(file)!))
        {
        }

        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("is accessible to other users", ex.ToString());
    }

    [Fact]
    public async Task StartUp_KeepsAnExistingKey()
    {
        using var factory = new AppFactory();
        string keyId;
        using (var key = ProvenanceKeyStore.LoadOrCreate(Path.GetDirectoryName(KeyFile(factory))!))
        {
            keyId = key.KeyId;
        }

        using var client = factory.CreateClient();
        Assert.Contains(keyId, await client.GetStringAsync("/about/provenance"));
    }

    private static string KeyFile(AppFactory factory)
    {
        var folder = TrustExtensions.KeyFolder(factory.DataDir);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, ProvenanceKeyStore.FileName);
    }
}
