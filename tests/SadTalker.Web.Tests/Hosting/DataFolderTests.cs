using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

public sealed class DataFolderTests(DataFolderTests.Fixture fixture) : IClassFixture<DataFolderTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeysFolder_IsPrivateToTheAppUser_AndHoldsTheKeyRing()
    {
        using var client = fixture.CreateClient();
        await client.GetStringAsync("/Account/Login"); // antiforgery creates the data-protection key ring

        var keys = Path.Combine(fixture.DataDir, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.True(File.Exists(Path.Combine(fixture.DataDir, "sadtalker.db")));
    }
}
