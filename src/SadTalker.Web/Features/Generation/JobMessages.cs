namespace SadTalker.Web.Features.Generation;

/// <summary>
/// Messages about jobs, sent in-process to pages and by the hub <c>/hubs/jobs</c> to a team's group. The hub method
/// names are <see cref="JobMessageNames"/>; payloads serialise with camel-case names.
/// </summary>
public abstract record JobMessage(Guid JobId, Guid TeamId)
{
    /// <summary>The hub method name clients listen on.</summary>
    public abstract string Name { get; }
}

/// <summary><c>jobProgress</c>: {jobId, state, stage, framesDone, framesTotal, percent, etaSeconds}.</summary>
public sealed record JobProgressMessage(
    Guid JobId, Guid TeamId, string State, string? Stage, long FramesDone, long FramesTotal, double Percent, double? EtaSeconds)
    : JobMessage(JobId, TeamId)
{
    public override string Name => JobMessageNames.Progress;
}

/// <summary><c>jobPreview</c>: {jobId, jpegBase64}, a small JPEG of the latest frame about every 2 s.</summary>
public sealed record JobPreviewMessage(Guid JobId, Guid TeamId, string JpegBase64) : JobMessage(JobId, TeamId)
{
    public override string Name => JobMessageNames.Preview;
}

/// <summary><c>jobState</c>: {jobId, state, error}: queued, started, finished, failed, cancelled, deleted.</summary>
public sealed record JobStateMessage(Guid JobId, Guid TeamId, string State, string? Error) : JobMessage(JobId, TeamId)
{
    public override string Name => JobMessageNames.State;
}

public static class JobMessageNames
{
    public const string Progress = "jobProgress";
    public const string Preview = "jobPreview";
    public const string State = "jobState";

    /// <summary>State sent when a job row was deleted.</summary>
    public const string Deleted = "Deleted";
}
