using System.Diagnostics;
using System.Net;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

/// <summary>
/// The app started the two other ways a person starts it: <c>dotnet run</c> from the repository root and the
/// output of <c>dotnet publish</c>. Both must serve the root wwwroot/ and answer /healthz.
/// </summary>
public sealed class ServeModesTests
{
    [Fact]
    public async Task DotnetRun_FromRepositoryRoot_ServesTheApp()
    {
        using var data = new TempDir();
        await using var app = AppProcess.For("dotnet",
            ["run", "--no-build", "--no-launch-profile", "--project", Path.Combine("src", "SadTalker.Web"), "-c", BuildConfiguration],
            RepoPaths.Root, data.Path);
        await app.StartAsync(TimeSpan.FromSeconds(90));
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await WebRootTests.AssertServesRootAssetsAsync(client);

        // SADTALKER_-prefixed environment variables override appsettings.json (data folder, device).
        using var health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        Assert.Equal(data.Path, health.RootElement.GetProperty("disk").GetProperty("path").GetString());
        Assert.Equal("CPU requested in configuration", health.RootElement.GetProperty("onnxRuntime").GetProperty("reason").GetString());
        Assert.True(File.Exists(Path.Combine(data.Path, "sadtalker.db")), "the SQLite database was not created in the data folder");
    }

    [Fact]
    public async Task PublishedOutput_ServesTheApp()
    {
        using var publish = new TempDir("sadtalker-publish");
        var psi = new ProcessStartInfo("dotnet", ["publish", Path.Combine("src", "SadTalker.Web"), "-c", "Release", "-o", publish.Path, "--nologo"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(psi)!)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await error}");
        }

        Assert.True(File.Exists(Path.Combine(publish.Path, "appsettings.json")), "appsettings.json was not published");
        Assert.True(File.Exists(Path.Combine(publish.Path, "wwwroot", "app.css")), "wwwroot/app.css was not published");
        Assert.True(File.Exists(Path.Combine(publish.Path, "libonnxruntime.so")), "libonnxruntime.so was not published");

        using var data = new TempDir();
        await using var app = AppProcess.For("dotnet", [Path.Combine(publish.Path, "SadTalker.Web.dll")], publish.Path, data.Path);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await WebRootTests.AssertServesRootAssetsAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
