using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> e)
    {
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.SubjectName).HasMaxLength(200);
        e.Property(r => r.SubjectContact).HasMaxLength(200);
        e.Property(r => r.RelationshipOther).HasMaxLength(200);
        e.Property(r => r.Notes).HasMaxLength(4000);
        e.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        e.Property(r => r.SubmittedIp).HasMaxLength(64);
        e.Property(r => r.DecidedByUserId).HasMaxLength(450);
        e.Property(r => r.DecisionReason).HasMaxLength(1000);
        e.Property(r => r.RevokedByUserId).HasMaxLength(450);
        e.Property(r => r.RevocationReason).HasMaxLength(1000);
        e.HasOne<Portrait>().WithMany().HasForeignKey(r => r.PortraitId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Attestations).WithOne().HasForeignKey(a => a.ConsentRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.TeamId, r.State });
        e.HasIndex(r => r.PortraitId);
    }
}
