namespace SadTalker.Inference.Intake;

/// <summary>Upload limits from the media library issue; the defaults are the product's limits.</summary>
public sealed record IntakeLimits
{
    /// <summary>Largest portrait file accepted, in bytes (20 MiB).</summary>
    public long MaxImageBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest declared width x height accepted (40 megapixels), checked from the headers before decoding.</summary>
    public long MaxImagePixels { get; init; } = 40_000_000;

    /// <summary>Largest audio (or video with audio) file accepted, in bytes (100 MiB).</summary>
    public long MaxAudioBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Longest audio accepted (15 minutes), checked from the probe and again while decoding.</summary>
    public TimeSpan MaxAudioDuration { get; init; } = TimeSpan.FromMinutes(15);
}
