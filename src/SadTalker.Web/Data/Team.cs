namespace SadTalker.Web.Data;

/// <summary>A group of people sharing a media library. Everything a user makes belongs to a team, never to the user alone.</summary>
public class Team
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The team created with an account. It cannot be deleted and its creator always stays its owner.</summary>
    public bool IsPersonal { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Not a foreign key: the team outlives the account that created it.</summary>
    public required string CreatedByUserId { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}
