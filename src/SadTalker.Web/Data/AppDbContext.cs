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
    }
}
