using Microsoft.AspNetCore.Identity;

namespace SadTalker.Web.Data;

/// <summary>A person who signs in. Identity supplies email, password hash, lockout and two-factor fields.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>When the account was registered (UTC).</summary>
    public DateTime CreatedUtc { get; set; }
}
