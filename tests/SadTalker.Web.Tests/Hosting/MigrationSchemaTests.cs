using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

/// <summary>Migrations are hand-written (dotnet-ef cannot run here); this catches a forgotten column or index.</summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task MigratedSchema_EqualsTheModelsEnsureCreatedSchema()
    {
        using var dir = new TempDir();
        var migrated = await SchemaAsync(Path.Combine(dir.Path, "migrated.db"), db => db.Database.MigrateAsync());
        var created = await SchemaAsync(Path.Combine(dir.Path, "created.db"), db => db.Database.EnsureCreatedAsync());
        Assert.Equal(created, migrated);
        Assert.Contains(migrated, line => line.StartsWith("table SiteSettings", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelSnapshot_MatchesTheModel()
    {
        using var db = CreateContext("Data Source=:memory:");
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        Assert.NotNull(snapshot);
        if (snapshot is IMutableModel mutable)
        {
            snapshot = mutable.FinalizeModel();
        }

        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot, designTime: true, validationLogger: null);
        var differences = db.GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        Assert.True(differences.Count == 0,
            "AppDbContextModelSnapshot is out of date; write a migration and update the snapshot by hand:\n" +
            string.Join("\n", differences.Select(Describe)));
    }

    private static string Describe(Microsoft.EntityFrameworkCore.Migrations.Operations.MigrationOperation op) => op switch
    {
        Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation a => $"add column {a.Table}.{a.Name} ({a.ClrType.Name}, {a.ColumnType})",
        Microsoft.EntityFrameworkCore.Migrations.Operations.AlterColumnOperation a => $"alter column {a.Table}.{a.Name}: {a.OldColumn.ColumnType}/{a.OldColumn.IsNullable}/{a.OldColumn.MaxLength} -> {a.ColumnType}/{a.IsNullable}/{a.MaxLength}",
        Microsoft.EntityFrameworkCore.Migrations.Operations.CreateTableOperation t => $"create table {t.Name}",
        Microsoft.EntityFrameworkCore.Migrations.Operations.DropColumnOperation d => $"drop column {d.Table}.{d.Name}",
        Microsoft.EntityFrameworkCore.Migrations.Operations.CreateIndexOperation i => $"create index {i.Name} on {i.Table}",
        Microsoft.EntityFrameworkCore.Migrations.Operations.DropIndexOperation i => $"drop index {i.Name} on {i.Table}",
        Microsoft.EntityFrameworkCore.Migrations.Operations.DropTableOperation d => $"drop table {d.Name}",
        _ => op.GetType().Name,
    };

    // The Identity model depends on IdentityOptions.Stores.SchemaVersion, which the context reads from the app's services.
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    private static AppDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).UseApplicationServiceProvider(IdentityServices).Options);

    private static async Task<List<string>> SchemaAsync(string file, Func<AppDbContext, Task> create)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using (var db = CreateContext(cs))
        {
            await create(db);
        }

        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        var lines = new List<string>();
        await using (var tables = connection.CreateCommand())
        {
            tables.CommandText = "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' ORDER BY type, name";
            await using var reader = await tables.ExecuteReaderAsync();
            var objects = new List<(string Type, string Name, string Table)>();
            while (await reader.ReadAsync())
            {
                objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            foreach (var (type, name, table) in objects)
            {
                lines.Add($"{type} {name} on {table}");
                if (type == "table")
                {
                    lines.AddRange(await PragmaAsync(connection, $"PRAGMA table_info(\"{name}\")", r => $"  column {r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)}"));
                    lines.AddRange(await PragmaAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")", r => $"  fk {r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
                }
                else if (type == "index")
                {
                    lines.AddRange(await PragmaAsync(connection, $"PRAGMA index_list(\"{table}\")", r => r.GetString(1) == name ? $"  unique={r.GetInt64(2)}" : null));
                    lines.AddRange(await PragmaAsync(connection, $"PRAGMA index_info(\"{name}\")", r => $"  key {r.GetString(2)}"));
                }
            }
        }

        return lines;
    }

    private static async Task<IEnumerable<string>> PragmaAsync(SqliteConnection connection, string sql, Func<SqliteDataReader, string?> row)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
        {
            if (row(reader) is { } line)
            {
                result.Add(line);
            }
        }

        return result.Order(StringComparer.Ordinal);
    }
}
