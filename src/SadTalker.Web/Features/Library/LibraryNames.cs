namespace SadTalker.Web.Features.Library;

/// <summary>Validation of item names typed by users or derived from uploaded file names.</summary>
public static class LibraryNames
{
    public const int MaxLength = 200;

    /// <summary>The trimmed name, or an error message.</summary>
    public static (string Name, string? Error) Validate(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return ("", "A name is required.");
        }

        if (trimmed.Length > MaxLength)
        {
            return ("", $"Names can be at most {MaxLength} characters.");
        }

        return trimmed.Any(char.IsControl) ? ("", "Names cannot contain control characters.") : (trimmed, null);
    }

    /// <summary>A default item name from a sanitized client file name: the name without its extension.</summary>
    public static string FromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return string.IsNullOrWhiteSpace(stem) ? "Untitled" : stem[..Math.Min(stem.Length, MaxLength)];
    }
}
