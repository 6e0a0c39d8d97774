namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>
/// Runs on the finished MP4 before it is stored (e.g. to add signed provenance metadata). May rewrite the file in
/// place; throwing fails the job. The default registration does nothing.
/// </summary>
public interface IOutputFinalizer
{
    Task FinalizeAsync(JobRenderContext context, string mp4Path, CancellationToken cancellationToken);
}

internal sealed class NoOutputFinalizer : IOutputFinalizer
{
    public Task FinalizeAsync(JobRenderContext context, string mp4Path, CancellationToken cancellationToken) => Task.CompletedTask;
}
