using System.Globalization;
using System.Text;

namespace SadTalker.Inference.Intake;

/// <summary>
/// Turns a client-supplied file name into a name that is safe to display and to store as text. Uploads are never
/// stored under this name (intake picks random names); it is only shown back to people.
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 200;

    // Longest extension kept whole when a long name is shortened.
    private const int MaxExtensionLength = 16;

    /// <summary>Sanitizes <paramref name="clientName"/>.</summary>
    /// <remarks>
    /// Steps: keep only the part after the last '/' or '\' (either separator, whatever the server OS); drop control
    /// characters (C0, DEL, C1), format characters (category Cf: bidi overrides such as U+202E that disguise "gpj.exe"
    /// as "exe.jpg", zero-width characters), line/paragraph separators and unpaired surrogates; replace the characters
    /// Windows forbids in names (&lt;&gt;:"|?*) with '_'; Unicode NFC; trim spaces and dots from the ends; shorten to
    /// 200 characters, keeping an extension of up to 16 characters and never splitting a surrogate pair.
    /// </remarks>
    /// <exception cref="IntakeException"><see cref="IntakeErrorCodes.FileNameInvalid"/> when nothing usable remains.</exception>
    public static string Sanitize(string? clientName)
    {
        var name = clientName ?? string.Empty;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];

        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(name, i);
                if (category != UnicodeCategory.Format)
                {
                    builder.Append(c).Append(name[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c) || char.IsControl(c)
                     || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                         or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            else
            {
                builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
            }
        }

        // Normalized only now: string.Normalize throws on the unpaired surrogates removed above.
        var cleaned = builder.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            throw new IntakeException(
                IntakeErrorCodes.FileNameInvalid, "The file name is empty or consists only of characters that cannot be used.");
        }

        return Shorten(cleaned);
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength ? name[dot..] : string.Empty;
        var stemLength = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return name[..stemLength].TrimEnd() + extension;
    }
}
