using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SadTalker.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    public DbSet<Portrait> Portraits => Set<Portrait>();

    public DbSet<AudioClip> AudioClips => Set<AudioClip>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SiteSetting>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(128);
            e.Property(s => s.Value).HasMaxLength(4000);
        });
        builder.Entity<Portrait>(e =>
        {
            ConfigureLibraryItem(e);
            e.Property(p => p.OriginalFormat).HasMaxLength(16);
            e.Property(p => p.ImageSha256).HasMaxLength(64);
            e.Property(p => p.ThumbnailSha256).HasMaxLength(64);
            e.Property(p => p.FaceVerdict).HasMaxLength(32);
            e.Property(p => p.FaceMessage).HasMaxLength(500);
            e.Property(p => p.FaceKeypointsJson).HasMaxLength(1000);
        });
        builder.Entity<AudioClip>(e =>
        {
            ConfigureLibraryItem(e);
            e.Property(a => a.PcmSha256).HasMaxLength(64);
            e.Property(a => a.PlaybackSha256).HasMaxLength(64);
            e.Property(a => a.WaveformSha256).HasMaxLength(64);
            e.Property(a => a.Codec).HasMaxLength(64);
            e.Property(a => a.Container).HasMaxLength(64);
        });
    }

    // Portraits and audio clips are listed per team, newest first or by name; both paths are indexed.
    private static void ConfigureLibraryItem<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : class, ILibraryItem
    {
        e.HasKey(i => i.Id);
        e.Ignore(i => i.BlobHashes);
        e.Property(i => i.Name).HasMaxLength(200);
        e.Property(i => i.Tags).HasMaxLength(1000);
        e.Property<string>("CreatedByUserId").HasMaxLength(450);
        e.Property<string>("OriginalFileName").HasMaxLength(200);
        e.Property<string>("OriginalSha256").HasMaxLength(64);
        e.HasOne<Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex("TeamId", "CreatedUtc");
        e.HasIndex("TeamId", "Name");
    }
}
