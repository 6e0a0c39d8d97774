using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SadTalker.Web.Tests.Infrastructure;

/// <summary>
/// The real app on TestServer with the repository root as content root (so the root appsettings.json and wwwroot/
/// are what it uses) and a fresh data folder (SQLite file, keys) per factory.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly TempDir _data = new("sadtalker-app");
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public string DataDir => _data.Path;

    /// <summary>Overrides a configuration value before the host starts.</summary>
    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds service registrations (after the app's own) before the host starts.</summary>
    public AppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDir", _data.Path);
        builder.UseSetting("Inference:Device", "cpu");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // After the app's own registrations, so a test's service replaces the app's.
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }
}
