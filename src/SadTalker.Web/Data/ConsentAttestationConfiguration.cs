using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class ConsentAttestationConfiguration : IEntityTypeConfiguration<ConsentAttestation>
{
    public void Configure(EntityTypeBuilder<ConsentAttestation> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Key).HasMaxLength(64);
        e.Property(a => a.WordingVersion).HasMaxLength(32);
        e.Property(a => a.Wording).HasMaxLength(500);
        e.Property(a => a.UserId).HasMaxLength(450);
        e.Property(a => a.Ip).HasMaxLength(64);
    }
}
