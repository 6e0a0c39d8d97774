using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

/// <summary>The root-level wwwroot/ and appsettings.json are what the app really uses (TestServer, dotnet run, publish).</summary>
public sealed class WebRootTests(WebRootTests.Fixture fixture) : IClassFixture<WebRootTests.Fixture>
{
    public sealed class Fixture : AppFactory;

    [Fact]
    public async Task TestServer_ServesRootWwwroot_AndTheExtractedBlazorScript()
    {
        using var client = fixture.CreateClient();
        await AssertServesRootAssetsAsync(client);
    }

    [Fact]
    public void TestServer_ReadsRootAppsettings()
    {
        var env = fixture.Services.GetRequiredService<IWebHostEnvironment>();
        Assert.Equal(RepoPaths.Root.TrimEnd('/'), env.ContentRootPath.TrimEnd('/'));
        Assert.Equal(Path.Combine(RepoPaths.Root, "wwwroot"), env.WebRootPath);
        var config = (IConfigurationRoot)fixture.Services.GetRequiredService<IConfiguration>();
        var json = config.Providers.OfType<JsonConfigurationProvider>().Single(p => p.Source.Path == "appsettings.json");
        Assert.True(json.TryGet("Inference:ModelsDir", out var models));
        Assert.Equal("models", models);
    }

    /// <summary>Shared by the TestServer, <c>dotnet run</c> and publish checks.</summary>
    internal static async Task AssertServesRootAssetsAsync(HttpClient client)
    {
        var css = await client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "wwwroot", "app.css")), await css.Content.ReadAsByteArrayAsync());

        var script = await client.GetAsync("/_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var js = await script.Content.ReadAsStringAsync();
        Assert.True(js.Length > 100_000, $"blazor.web.js is only {js.Length} bytes");
        Assert.Contains("Blazor", js);

        var radzen = await client.GetAsync("/_content/Radzen.Blazor/Radzen.Blazor.js");
        Assert.Equal(HttpStatusCode.OK, radzen.StatusCode);
    }
}
