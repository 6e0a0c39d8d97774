using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SadTalker.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<TeamInvite> TeamInvites => Set<TeamInvite>();

    public DbSet<Portrait> Portraits => Set<Portrait>();

    public DbSet<AudioClip> AudioClips => Set<AudioClip>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<ConsentAttestation> ConsentAttestations => Set<ConsentAttestation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ConsentEvidence> ConsentEvidence => Set<ConsentEvidence>();
    public DbSet<GenerationJob> GenerationJobs => Set<GenerationJob>();

    public DbSet<TeamGenerationSettings> TeamGenerationSettings => Set<TeamGenerationSettings>();

    /// <summary>The audit log is append-only: any update or delete of an <see cref="AuditEntry"/> fails the whole save.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be modified or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SiteSetting>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(128);
            e.Property(s => s.Value).HasMaxLength(4000);
        });
        builder.ApplyConfiguration(new TeamConfiguration());
        builder.ApplyConfiguration(new TeamMemberConfiguration());
        builder.ApplyConfiguration(new TeamInviteConfiguration());
        builder.ApplyConfiguration(new PortraitConfiguration());
        builder.ApplyConfiguration(new AudioClipConfiguration());
        builder.ApplyConfiguration(new ConsentConfiguration());
        builder.ApplyConfiguration(new ConsentAttestationConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new ConsentEvidenceConfiguration());
        builder.ApplyConfiguration(new GenerationJobConfiguration());
        builder.ApplyConfiguration(new TeamGenerationSettingsConfiguration());
    }
}
