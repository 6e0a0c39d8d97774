namespace SadTalker.Web.Data;

/// <summary>What a consent allows the portrait to be used for; a record may allow several.</summary>
[Flags]
public enum PermittedUse
{
    None = 0,
    Internal = 1,
    External = 2,
    Commercial = 4,
}
