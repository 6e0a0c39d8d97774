namespace SadTalker.Web.Features.Generation;

/// <summary><c>jobProgress</c>: {jobId, state, stage, framesDone, framesTotal, percent, etaSeconds}.</summary>
public sealed record JobProgressMessage(
    Guid JobId, Guid TeamId, string State, string? Stage, long FramesDone, long FramesTotal, double Percent, double? EtaSeconds)
    : JobMessage(JobId, TeamId)
{
    public override string Name => JobMessageNames.Progress;
}
