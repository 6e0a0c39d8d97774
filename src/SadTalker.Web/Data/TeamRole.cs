namespace SadTalker.Web.Data;

/// <summary>What a member may do in a team. Stored as an int and ordered: a higher role may do all a lower one may.</summary>
public enum TeamRole
{
    /// <summary>Sees and downloads.</summary>
    Viewer = 0,

    /// <summary>Also uploads, edits and generates.</summary>
    Editor = 1,

    /// <summary>Also manages members, invites and settings, and may delete the team.</summary>
    Owner = 2,
}
