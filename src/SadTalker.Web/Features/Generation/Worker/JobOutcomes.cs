using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Rendering;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>The worker's writes of a job's state, each with its audit row and a <c>jobState</c> message. Never cancelled: a final state must land.</summary>
internal sealed class JobOutcomes(IDbContextFactory<AppDbContext> dbFactory, BlobStore blobs, JobNotifier notifier, JobLog log, TimeProvider clock)
{
    /// <summary>Encoder frame rate (SadTalker renders 25 fps).</summary>
    public const double FramesPerSecond = 25;

    public sealed record Output(string Mp4Path, string ThumbnailPath, RenderReport Report, string TimingsJson, string EngineVersion, string? ModelVersions);

    public async Task StartedAsync(GenerationJob job, Guid? consentRecordId, DateTime startedUtc)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.GenerationJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.StartConsentRecordId, consentRecordId).SetProperty(j => j.StartedUtc, startedUtc));
        AuditLog.Add(db, startedUtc, null, job.TeamId, "generation.started", job.Id.ToString(), null, new { attempt = job.Attempt, consentRecord = consentRecordId });
        await db.SaveChangesAsync();
        await log.AppendAsync(job.Id, $"Attempt {job.Attempt} started on engine {job.EngineId}.");
    }

    /// <param name="cleanUp">Removes the job's temp folder once the outputs are in the store, before the state becomes visible.</param>
    public async Task SucceededAsync(GenerationJob job, Output output, Action cleanUp)
    {
        await blobs.CommitAsync(async () =>
        {
            var video = await blobs.PutFileAsync(output.Mp4Path);
            var thumbnail = await blobs.PutFileAsync(output.ThumbnailPath);
            cleanUp();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync();
            var row = await db.GenerationJobs.FirstAsync(j => j.Id == job.Id);
            row.State = GenerationJobState.Succeeded;
            (row.Stage, row.Percent, row.FramesDone, row.FramesTotal) = ("Done", 100, output.Report.FrameCount, output.Report.FrameCount);
            (row.VideoSha256, row.ThumbnailSha256, row.SizeBytes) = (video.Sha256, thumbnail.Sha256, video.Length);
            (row.DurationSeconds, row.Width, row.Height, row.Fps) = (output.Report.Duration.TotalSeconds, output.Report.Width, output.Report.Height, FramesPerSecond);
            (row.EngineVersion, row.ModelVersions, row.TimingsJson, row.FinishedUtc, row.Error) = (output.EngineVersion, output.ModelVersions, output.TimingsJson, now, null);
            row.LogJson = JobLog.Append(row.LogJson, now, $"Finished: {output.Report.FrameCount} frames, {output.Report.Duration.TotalSeconds:0.0} s of video.");
            AuditLog.Add(db, now, null, job.TeamId, "generation.finished", job.Id.ToString(), null,
                new { video = video.Sha256, seconds = output.Report.Duration.TotalSeconds, frames = output.Report.FrameCount });
            await db.SaveChangesAsync();
            return true;
        });
        await notifier.PublishAsync(new JobStateMessage(job.Id, job.TeamId, nameof(GenerationJobState.Succeeded), null));
    }

    public async Task FailedAsync(GenerationJob job, string error, string code)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.GenerationJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, GenerationJobState.Failed).SetProperty(j => j.Error, Truncate(error)).SetProperty(j => j.FinishedUtc, now));
        AuditLog.Add(db, now, null, job.TeamId, "generation.failed", job.Id.ToString(), null, new { code, error = Truncate(error) });
        await db.SaveChangesAsync();
        await log.AppendAsync(job.Id, $"Failed ({code}): {error}");
        await notifier.PublishAsync(new JobStateMessage(job.Id, job.TeamId, nameof(GenerationJobState.Failed), error));
    }

    public async Task CancelledAsync(GenerationJob job)
    {
        const string message = "Cancelled while rendering; nothing was kept.";
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.GenerationJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, GenerationJobState.Cancelled).SetProperty(j => j.Error, message).SetProperty(j => j.FinishedUtc, clock.GetUtcNow().UtcDateTime));
        await log.AppendAsync(job.Id, "Cancelled: " + message);
        await notifier.PublishAsync(new JobStateMessage(job.Id, job.TeamId, nameof(GenerationJobState.Cancelled), message));
    }

    /// <summary>Back to the queue (shutdown, or found Running at start-up): the next start runs it again from the beginning.</summary>
    public async Task RequeueAsync(GenerationJob job, string why)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.GenerationJobs.Where(j => j.Id == job.Id && j.State == GenerationJobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, GenerationJobState.Queued).SetProperty(j => j.Stage, "Re-queued: " + why)
            .SetProperty(j => j.Percent, 0).SetProperty(j => j.FramesDone, 0));
        await log.AppendAsync(job.Id, $"Attempt {job.Attempt} re-queued: {why}.");
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1997] + "...";
}
