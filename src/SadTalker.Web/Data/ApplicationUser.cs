using Microsoft.AspNetCore.Identity;

namespace SadTalker.Web.Data;

/// <summary>A person who signs in. Identity supplies email, password hash, lockout and two-factor fields.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>When the account was registered (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// The team last chosen in the header. Not a foreign key (SQLite cannot add one to an existing table without
    /// rebuilding it): the value is checked against the memberships on every read, see <c>ActiveTeam</c>.
    /// </summary>
    public Guid? ActiveTeamId { get; set; }
}
