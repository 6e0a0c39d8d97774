using System.ComponentModel.DataAnnotations;

namespace SadTalker.Web.Features.Accounts;

/// <summary>Bound from the <c>Registration</c> section; an Admin can override <see cref="Mode"/> at run time.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";
    public const string Open = "open";
    public const string InviteOnly = "invite-only";

    [Required]
    [AllowedValues(Open, InviteOnly, ErrorMessage = "Registration:Mode must be 'open' or 'invite-only'.")]
    public string Mode { get; set; } = Open;

    /// <summary>Off by default: this installation has no email sender.</summary>
    public bool RequireConfirmedAccount { get; set; }
}
