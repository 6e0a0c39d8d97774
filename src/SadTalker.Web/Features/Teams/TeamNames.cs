using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>The rule for team names, shared by creating and renaming.</summary>
internal static class TeamNames
{
    /// <summary>The trimmed name, or the reason it is not acceptable.</summary>
    public static (string Name, string? Error) Validate(string? raw)
    {
        var name = (raw ?? "").Trim();
        if (name.Length == 0)
        {
            return (name, "Enter a team name.");
        }

        if (name.Length > Team.MaxNameLength)
        {
            return (name, $"The team name is {name.Length} characters long; the limit is {Team.MaxNameLength}.");
        }

        return name.Any(char.IsControl)
            ? (name, "The team name cannot contain line breaks or other control characters.")
            : (name, null);
    }
}
