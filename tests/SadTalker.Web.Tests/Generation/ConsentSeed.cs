using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;

namespace SadTalker.Web.Tests.Generation;

/// <summary>
/// Writes an Admin-approved consent record into a running app's SQLite file. The consent review itself is tested in
/// ConsentTests; the generation tests need an approved record without driving that UI.
/// </summary>
public static class ConsentSeed
{
    public static async Task ApproveAsync(string dataDir, Guid portraitId)
    {
        await using var db = Open(dataDir);
        var portrait = await db.Portraits.AsNoTracking().FirstAsync(p => p.Id == portraitId);
        var now = DateTime.UtcNow;
        db.ConsentRecords.Add(new ConsentRecord
        {
            Id = Guid.NewGuid(), TeamId = portrait.TeamId, PortraitId = portrait.Id, SubjectName = "Eileen Collins",
            Relationship = ConsentRelationship.Colleague, Uses = PermittedUse.Internal | PermittedUse.External,
            ValidFromUtc = now.AddDays(-1), State = ConsentState.Approved, SubmittedByUserId = portrait.CreatedByUserId,
            SubmittedUtc = now, DecidedByUserId = portrait.CreatedByUserId, DecidedUtc = now,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> PortraitIdAsync(string dataDir, string name)
    {
        await using var db = Open(dataDir);
        return await db.Portraits.Where(p => p.Name == name).Select(p => p.Id).FirstAsync();
    }

    private static AppDbContext Open(string dataDir) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "sadtalker.db"), Pooling = false }.ToString())
        .UseApplicationServiceProvider(new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider())
        .Options);
}
