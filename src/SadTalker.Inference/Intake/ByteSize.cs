using System.Globalization;

namespace SadTalker.Inference.Intake;

/// <summary>Formats byte counts for refusal messages ("2.0 GB", "20 MB") in binary units, matching the limits.</summary>
internal static class ByteSize
{
    public static string Format(long bytes)
    {
        const double Kib = 1024, Mib = Kib * 1024, Gib = Mib * 1024;
        return bytes switch
        {
            >= (long)Gib => string.Create(CultureInfo.InvariantCulture, $"{bytes / Gib:0.0} GB"),
            >= (long)Mib => string.Create(CultureInfo.InvariantCulture, $"{bytes / Mib:0.#} MB"),
            >= (long)Kib => string.Create(CultureInfo.InvariantCulture, $"{bytes / Kib:0} KB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        };
    }
}
