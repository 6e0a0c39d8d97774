using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class ConsentEvidenceConfiguration : IEntityTypeConfiguration<ConsentEvidence>
{
    public void Configure(EntityTypeBuilder<ConsentEvidence> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.PreviewSha256).HasMaxLength(64);
        e.Property(x => x.UploadedByUserId).HasMaxLength(450);
        e.HasOne<ConsentRecord>().WithMany().HasForeignKey(x => x.ConsentRecordId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ConsentRecordId);
        e.HasIndex(x => x.Sha256);
    }
}
