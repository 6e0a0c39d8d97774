using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SadTalker.Web.Data;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> e)
    {
        e.HasKey(m => new { m.TeamId, m.UserId });

        // "Which teams am I in" is asked on every page; the key only serves "who is in this team".
        e.HasIndex(m => m.UserId);

        // Deleting an account (personal data page) removes its memberships.
        e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
