using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Rendering;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Hosting;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>
/// Runs one claimed (Running) job in its own DI scope: consent again, inputs copied from the blob store into a temp
/// folder (reference videos too), the render pipeline with the job's filters, a thumbnail, the finalizers, then the outputs stored and the
/// row completed. Every outcome ends in a final state and an empty temp folder.
/// </summary>
internal sealed class JobRunner(
    IDbContextFactory<AppDbContext> dbFactory, BlobStore blobs, ConsentGate consent, GenerationEngines engines,
    IEnumerable<IFrameFilterFactory> filterFactories, IEnumerable<IOutputFinalizer> finalizers, JobNotifier notifier,
    JobOutcomes outcomes, JobLog log, IOptions<StorageOptions> storage, IHostEnvironment env, TimeProvider clock, ILogger<JobRunner> logger)
{
    public async Task RunAsync(Guid jobId, CancellationToken jobToken, CancellationToken stopping)
    {
        GenerationJob? job;
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            job = await db.GenerationJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.State == GenerationJobState.Running, CancellationToken.None);
        }

        if (job is null)
        {
            return;
        }

        if (job.CancelRequested)
        {
            // Cancelled between the claim and the registration of its token.
            await outcomes.CancelledAsync(job);
            return;
        }

        await notifier.PublishAsync(new JobStateMessage(job.Id, job.TeamId, nameof(GenerationJobState.Running), null));
        try
        {
            // Disposed before any catch below runs: a final state is written only once the temp folder is gone.
            using var workspace = JobWorkspace.Create(storage.Value.ResolveDataDir(env.ContentRootPath), job.Id);
            await RenderAsync(job, workspace, jobToken);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await outcomes.RequeueAsync(job, "the server is shutting down");
        }
        catch (OperationCanceledException)
        {
            await outcomes.CancelledAsync(job);
        }
        catch (JobRefusedException ex)
        {
            await outcomes.FailedAsync(job, ex.Message, ex.Code);
        }
        catch (EngineInputException ex)
        {
            await outcomes.FailedAsync(job, ex.Message, "input." + ex.Error);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Job {JobId} failed.", job.Id);
            await outcomes.FailedAsync(job, $"The render failed: {ex.Message}", "error");
        }
    }

    private async Task RenderAsync(GenerationJob job, JobWorkspace workspace, CancellationToken ct)
    {
        var (portrait, audio, engine) = await LoadInputsAsync(job, ct);
        var decision = await consent.CheckAsync(job.PortraitId, job.Use, ct);
        if (!decision.Allowed)
        {
            throw new JobRefusedException("consent.refused", $"Consent check at start refused: {decision.Message}");
        }

        var started = clock.GetUtcNow().UtcDateTime;
        await outcomes.StartedAsync(job, decision.RecordId, started);
        logger.LogInformation("Job {JobId} started (attempt {Attempt}, {Engine}).", job.Id, job.Attempt, engine.Id);
        var settings = JobSettings.FromJson(job.OptionsJson);
        var context = new JobRenderContext(job.Id, job.TeamId, job.CreatedByUserId, job.PortraitId, job.AudioClipId, decision.RecordId, settings, engine, started);

        var portraitPath = workspace.File("portrait.png");
        var audioPath = workspace.File("audio.wav");
        File.Copy(blobs.PathOf(portrait.ImageSha256), portraitPath);
        File.Copy(blobs.PathOf(audio.PcmSha256), audioPath);
        var eyeblink = ReferenceVideo(job.RefEyeblinkSha256, job.RefEyeblinkName, "ref-eyeblink", workspace);
        var pose = job.RefPoseSha256 is { } poseHash && poseHash == job.RefEyeblinkSha256
            ? eyeblink
            : ReferenceVideo(job.RefPoseSha256, job.RefPoseName, "ref-pose", workspace);
        if (eyeblink is not null || pose is not null)
        {
            await log.AppendAsync(job.Id, $"Reference videos: eye-blink {job.RefEyeblinkName ?? "none"}, pose {job.RefPoseName ?? "none"}.");
        }

        var options = settings.ToEngineOptions() with { RefEyeblinkPath = eyeblink, RefPosePath = pose };
        var output = workspace.File("video.mp4");
        var renderJob = new RenderJob(new EngineRequest { PortraitPath = portraitPath, AudioPath = audioPath, Options = options }, output)
        {
            Filters = filterFactories.SelectMany(f => f.Create(context)).ToList(),
        };

        RenderReport report;
        var pump = new JobProgressPump(job.Id, job.TeamId, notifier, dbFactory, log, logger);
        await using (pump)
        {
            report = await new RenderPipeline(engine).RunAsync(renderJob, pump, ct);
        }

        var thumbnail = workspace.File("thumbnail.jpg");
        await JobImages.ThumbnailAsync(output, Math.Min(1.0, report.Duration.TotalSeconds / 2), thumbnail, ct);
        foreach (var finalizer in finalizers)
        {
            await finalizer.FinalizeAsync(context, output, ct);
        }

        ct.ThrowIfCancellationRequested();
        logger.LogInformation("Job {JobId} rendered {Frames} frames in {Seconds:0.0} s.", job.Id, report.FrameCount, report.Total.TotalSeconds);
        var timings = JsonSerializer.Serialize(report.Stages.Select(s => new { name = s.Name, seconds = Math.Round(s.Elapsed.TotalSeconds, 3) })
            .Append(new { name = "total", seconds = Math.Round(report.Total.TotalSeconds, 3) }));
        await outcomes.SucceededAsync(job, new JobOutcomes.Output(output, thumbnail, report, timings, engine.Version, ModelVersions(engine)), workspace.Dispose);
    }

    /// <summary>
    /// Copies a reference video from the store into the job's folder, keeping a plain extension of the uploaded name
    /// (ffmpeg probes the content either way); null when the job has none.
    /// </summary>
    private string? ReferenceVideo(string? sha256, string? name, string stem, JobWorkspace workspace)
    {
        if (sha256 is null)
        {
            return null;
        }

        var source = blobs.PathOf(sha256);
        if (!File.Exists(source))
        {
            throw new JobRefusedException("reference.missing", $"The reference video “{name}” is missing from storage; submit the job again with the video.");
        }

        var extension = Path.GetExtension(name ?? "").ToLowerInvariant();
        var path = workspace.File(stem + (extension is ".mp4" or ".mov" or ".webm" or ".mkv" or ".avi" or ".m4v" ? extension : ".video"));
        File.Copy(source, path);
        return path;
    }

    private async Task<(Portrait Portrait, AudioClip Audio, ITalkingHeadEngine Engine)> LoadInputsAsync(GenerationJob job, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.Portraits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == job.PortraitId, ct)
            ?? throw new JobRefusedException("portrait.deleted", $"The portrait “{job.PortraitName}” was deleted from the library.");
        var audio = await db.AudioClips.AsNoTracking().FirstOrDefaultAsync(a => a.Id == job.AudioClipId, ct)
            ?? throw new JobRefusedException("audio.deleted", $"The audio clip “{job.AudioName}” was deleted from the library.");
        var engine = engines.Find(job.EngineId)
            ?? throw new JobRefusedException("engine.unknown", $"The engine “{job.EngineId}” is not installed any more.");
        var availability = engine.CheckAvailability();
        return availability.IsAvailable
            ? (portrait, audio, engine)
            : throw new JobRefusedException("engine.unavailable", $"{engine.DisplayName} is not available: {availability.Reason}");
    }

    private static string? ModelVersions(ITalkingHeadEngine engine) => engine switch
    {
        StudioLiteEngine => StudioLiteEngine.FaceModel,
        SadTalkerEngine sadTalker => string.Join(", ", sadTalker.PresentModelFiles().Select(Path.GetFileName)),
        _ => null,
    };
}

/// <summary>The job cannot start (consent refused at start, inputs deleted, engine gone); the message is for the user.</summary>
internal sealed class JobRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
