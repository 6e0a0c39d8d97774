namespace SadTalker.Web.Data;

/// <summary>A user's membership of a team, with their role in it.</summary>
public class TeamMember
{
    public Guid TeamId { get; set; }

    public required string UserId { get; set; }

    public TeamRole Role { get; set; }

    public DateTime JoinedUtc { get; set; }

    public Team Team { get; set; } = default!;

    public ApplicationUser User { get; set; } = default!;
}
