using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> e)
    {
        e.Property(t => t.Name).HasMaxLength(Team.MaxNameLength);

        // At most one personal team per account, even if two requests try to repair a missing one at once.
        e.HasIndex(t => t.CreatedByUserId).IsUnique().HasFilter("\"IsPersonal\" = 1");

        e.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
