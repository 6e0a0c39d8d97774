namespace SadTalker.Web.Data;

/// <summary>
/// A link that lets signed-in users join a team with a role. Only the SHA-256 of the link's random token is kept:
/// the token is shown once to the owner who created it, so a copy of the database cannot be used to join.
/// </summary>
public class TeamInvite
{
    public const int TokenHashLength = 64;

    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the URL token.</summary>
    public required string TokenHash { get; set; }

    public TeamRole Role { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>How many people may join with the link (at least 1).</summary>
    public int MaxUses { get; set; } = 1;

    public int Uses { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public Team Team { get; set; } = default!;
}
