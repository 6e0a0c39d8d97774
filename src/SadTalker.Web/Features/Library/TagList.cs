namespace SadTalker.Web.Features.Library;

/// <summary>
/// Tags are stored in one column as <c>,tag1,tag2,</c>: lower case, trimmed, unique, at most
/// <see cref="MaxTags"/> of at most <see cref="MaxTagLength"/> characters; searching for a tag is then one indexed-prefix-free
/// LIKE <c>%,tag,%</c>, fast enough for thousands of items per team.
/// </summary>
public static class TagList
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    /// <summary>Normalizes user input ("Studio, CEO ,ceo") to the stored form (",studio,ceo,"), or returns an error.</summary>
    public static (string Stored, string? Error) Parse(string? input)
    {
        var tags = (input ?? "")
            .Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct()
            .ToList();
        if (tags.Count > MaxTags)
        {
            return (",", $"At most {MaxTags} tags are allowed.");
        }

        var bad = tags.FirstOrDefault(t => t.Length > MaxTagLength || t.Any(char.IsControl));
        if (bad is not null)
        {
            return (",", $"The tag '{Truncate(bad)}' is too long or contains control characters (at most {MaxTagLength} characters).");
        }

        return ("," + string.Join(",", tags) + (tags.Count > 0 ? "," : ""), null);
    }

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Display(string stored) => string.Join(", ", Split(stored));

    private static string Truncate(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
