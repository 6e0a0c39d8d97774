namespace SadTalker.Web.Data;

/// <summary>A speech clip in a team's library: the original, 16 kHz mono PCM for the engines, a browser-safe AAC copy and a waveform.</summary>
public class AudioClip : ILibraryItem
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    /// <summary>Tags as <c>,tag1,tag2,</c>; see <see cref="Features.Library.TagList"/>.</summary>
    public string Tags { get; set; } = ",";

    public DateTime CreatedUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public required string OriginalFileName { get; set; }

    public required string OriginalSha256 { get; set; }

    public required string PcmSha256 { get; set; }

    public required string PlaybackSha256 { get; set; }

    public required string WaveformSha256 { get; set; }

    public double DurationSeconds { get; set; }

    public int SampleRate { get; set; }

    public int Channels { get; set; }

    public required string Codec { get; set; }

    public required string Container { get; set; }

    public long ByteCount { get; set; }

    /// <inheritdoc />
    public IReadOnlyList<string> BlobHashes => [OriginalSha256, PcmSha256, PlaybackSha256, WaveformSha256];
}
