using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.ActorUserId).HasMaxLength(450);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.TargetId).HasMaxLength(64);
        e.Property(a => a.Ip).HasMaxLength(64);
        e.Property(a => a.DetailJson).HasMaxLength(4000);
        e.HasIndex(a => a.TimeUtc);
        e.HasIndex(a => new { a.TeamId, a.TimeUtc });
    }
}
