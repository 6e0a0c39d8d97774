namespace SadTalker.Web.Data;

/// <summary>Site-wide roles. Team roles (Owner, Editor, Viewer) live with teams.</summary>
public static class Roles
{
    public const string Admin = "Admin";
}
