using System.Net;
using System.Text.Json;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

public sealed class HealthzTests(HealthzTests.Fixture fixture) : IClassFixture<HealthzTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task Healthz_ReportsEveryDependency()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.StartsWith("ffmpeg version", root.GetProperty("ffmpeg").GetProperty("detail").GetString());
        var ort = root.GetProperty("onnxRuntime");
        Assert.StartsWith("1.29", ort.GetProperty("version").GetString());
        Assert.Equal("cpu", ort.GetProperty("device").GetString());
        Assert.Contains("CPU requested", ort.GetProperty("reason").GetString());
        var disk = root.GetProperty("disk");
        Assert.Equal(fixture.DataDir, disk.GetProperty("path").GetString());
        Assert.True(disk.GetProperty("freeBytes").GetInt64() > 0);
        Assert.True(disk.GetProperty("totalBytes").GetInt64() >= disk.GetProperty("freeBytes").GetInt64());
    }

    [Fact]
    public async Task Healthz_NeedsNoSignIn()
    {
        using var client = IdentityForms.CreateClient(fixture);
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
