using System.Globalization;

namespace SadTalker.Inference.Engines;

/// <summary>Free-view keyframes as typed by a user: whole degrees separated by commas or spaces, e.g. "0, 30, -30".</summary>
public static class AngleList
{
    /// <summary>
    /// Parses <paramref name="text"/>; blank gives null (no free view on that axis). Range checks are
    /// <see cref="GenerationOptions.Validate"/>'s job.
    /// </summary>
    /// <param name="axis">"yaw", "pitch" or "roll", for the message.</param>
    /// <exception cref="FormatException">A value is not a whole number; the message names the axis and the value.</exception>
    public static IReadOnlyList<int>? Parse(string? text, string axis)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var angles = new List<int>();
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var angle))
            {
                throw new FormatException($"Input {axis} must be whole degrees separated by commas, e.g. \"0, 30, -30\"; '{part}' is not one.");
            }

            angles.Add(angle);
        }

        return angles;
    }
}
