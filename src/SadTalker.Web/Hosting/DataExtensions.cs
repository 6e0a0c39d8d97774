using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Web.Data;

namespace SadTalker.Web.Hosting;

public static class DataExtensions
{
    /// <summary>SQLite under the data folder unless <c>ConnectionStrings:Default</c> names another database.</summary>
    public static void AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContextFactory<AppDbContext>((sp, options) =>
            options.UseSqlite(ResolveConnectionString(sp)));
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
    }

    public static string ResolveConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var env = sp.GetRequiredService<IHostEnvironment>();
        var dataDir = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDir(env.ContentRootPath);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "sadtalker.db"), Pooling = true }.ToString();
    }

    /// <summary>Creates the data folder and applies pending migrations before the app serves requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var dataDir = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDir(app.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDir);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        // WAL lets the job worker write while pages read.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
