namespace SadTalker.Web.Features.Generation;

/// <summary><c>jobState</c>: {jobId, state, error}: queued, started, finished, failed, cancelled, deleted.</summary>
public sealed record JobStateMessage(Guid JobId, Guid TeamId, string State, string? Error) : JobMessage(JobId, TeamId)
{
    public override string Name => JobMessageNames.State;
}
