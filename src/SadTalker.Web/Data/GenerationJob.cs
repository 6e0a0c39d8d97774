namespace SadTalker.Web.Data;

/// <summary>
/// One portrait + audio → talking-head MP4 request of a team, its progress and, once it succeeded, the video.
/// Portrait and audio are not foreign keys: a finished video outlives the library items it was made from.
/// </summary>
public class GenerationJob
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public required string CreatedByUserId { get; set; }

    public Guid PortraitId { get; set; }

    /// <summary>Copied at submit for lists and filters after the portrait is gone.</summary>
    public required string PortraitName { get; set; }

    public Guid AudioClipId { get; set; }

    public required string AudioName { get; set; }

    public required string EngineId { get; set; }

    /// <summary><see cref="Features.Generation.JobSettings"/> as JSON: engine options plus the visible watermark.</summary>
    public required string OptionsJson { get; set; }

    public PermittedUse Use { get; set; }

    public Guid? SubmitConsentRecordId { get; set; }

    /// <summary>The record the worker relied on when it started the job; videos are marked when it is revoked.</summary>
    public Guid? StartConsentRecordId { get; set; }

    /// <summary>A face check warning accepted at submit (face small or rotated), shown with the job.</summary>
    public string? Warning { get; set; }

    public GenerationJobState State { get; set; }

    public string? Stage { get; set; }

    public long FramesDone { get; set; }

    public long FramesTotal { get; set; }

    public double Percent { get; set; }

    /// <summary>Per-stage seconds as JSON <c>[{"name":…,"seconds":…}]</c>.</summary>
    public string? TimingsJson { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the current attempt was queued: the worker takes the oldest first.</summary>
    public DateTime QueuedUtc { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public bool CancelRequested { get; set; }

    public int Attempt { get; set; } = 1;

    public string? VideoSha256 { get; set; }

    public string? ThumbnailSha256 { get; set; }

    public double? DurationSeconds { get; set; }

    public long? SizeBytes { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public double? Fps { get; set; }

    public string? EngineVersion { get; set; }

    /// <summary>Model files and versions the engine used, as reported by it (JSON or text).</summary>
    public string? ModelVersions { get; set; }

    /// <summary>The invisible watermark's payload (16 hex digits, from the job id): how a found mark leads back here.</summary>
    public string? WatermarkPayloadHex { get; set; }

    /// <summary>Blob of the signed provenance sidecar JSON (the same record is embedded in the video).</summary>
    public string? ProvenanceSha256 { get; set; }

    /// <summary>Reference eye-blink video (SadTalker <c>--ref_eyeblink</c>) uploaded with the job; null = none.</summary>
    public string? RefEyeblinkSha256 { get; set; }

    /// <summary>The uploaded file's sanitized name, for display.</summary>
    public string? RefEyeblinkName { get; set; }

    public double? RefEyeblinkSeconds { get; set; }

    /// <summary>Reference pose video (SadTalker <c>--ref_pose</c>); may be the same blob as the eye-blink one.</summary>
    public string? RefPoseSha256 { get; set; }

    public string? RefPoseName { get; set; }

    public double? RefPoseSeconds { get; set; }

    /// <summary>The job log (<see cref="Features.Generation.JobLog"/>): timestamped lines from the worker and the engine, as JSON.</summary>
    public string? LogJson { get; set; }

    /// <summary>Blobs the row references (see <see cref="Features.Library.BlobReferences"/>).</summary>
    public IReadOnlyList<string> BlobHashes =>
        new[] { VideoSha256, ThumbnailSha256, ProvenanceSha256, RefEyeblinkSha256, RefPoseSha256 }.OfType<string>().Distinct().ToList();
}
