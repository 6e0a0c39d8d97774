using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Intake;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Generation.References;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// Queues a job: the user is an Editor/Owner of the team, portrait and audio are the team's, the engine is available
/// and accepts the options, the portrait has one usable face, the watermark obeys the site rule, and an approved
/// consent covers the use, and reference videos (if any) were uploaded by this user for this team to an engine that
/// takes them. Every refusal has a specific code and message, and nothing is saved then.
/// </summary>
public sealed class SubmitGeneration(
    IDbContextFactory<AppDbContext> dbFactory, LibraryAccess access, GenerationEngines engines, ConsentGate consent,
    TeamWatermark watermark, ReferenceVideoStaging references, BlobStore blobs, JobQueue queue, JobNotifier notifier, TimeProvider clock)
{
    /// <summary>Shortest audio that gives one 25 fps frame.</summary>
    public const double MinAudioSeconds = 0.04;

    public sealed record Request(
        string UserId, Guid TeamId, Guid PortraitId, Guid AudioClipId, string EngineId, JobSettings Settings, PermittedUse Use, string? Ip,
        ReferenceVideoUploads? References = null);

    /// <summary>The queued job and a face check warning the user accepted, if any.</summary>
    public sealed record Submitted(Guid JobId, string? Warning);

    public async Task<LibraryResult<Submitted>> HandleAsync(Request request, CancellationToken ct = default)
    {
        if (await access.DenyAsync<Submitted>(request.UserId, request.TeamId, edit: true, ct) is { } denied)
        {
            return denied.Status == LibraryStatus.Forbidden ? LibraryResult<Submitted>.Forbidden("Viewers cannot generate videos; ask an Owner for the Editor role.") : denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.Portraits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PortraitId && p.TeamId == request.TeamId, ct);
        if (portrait is null)
        {
            return LibraryResult<Submitted>.Invalid("portrait.not_found", "Choose a portrait from this team's library.");
        }

        var audio = await db.AudioClips.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AudioClipId && a.TeamId == request.TeamId, ct);
        if (audio is null)
        {
            return LibraryResult<Submitted>.Invalid("audio.not_found", "Choose an audio clip from this team's library.");
        }

        if (await CheckInputsAsync(request, portrait, audio, ct) is { } refused)
        {
            return refused;
        }

        var videos = references.Resolve(request.References ?? new(null, null), request.UserId, request.TeamId);
        if (!videos.Succeeded)
        {
            return videos.As<Submitted>();
        }

        var decision = await consent.CheckAsync(portrait.Id, request.Use, ct);
        if (!decision.Allowed)
        {
            return LibraryResult<Submitted>.Invalid("consent.refused", decision.Message ?? "No approved consent covers this use.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var warning = FaceWarning(portrait);
        var job = new GenerationJob
        {
            Id = Guid.NewGuid(),
            TeamId = request.TeamId,
            CreatedByUserId = request.UserId,
            PortraitId = portrait.Id,
            PortraitName = portrait.Name,
            AudioClipId = audio.Id,
            AudioName = audio.Name,
            EngineId = request.EngineId,
            OptionsJson = (request.Settings with { WatermarkText = request.Settings.WatermarkText?.Trim() }).ToJson(),
            Use = request.Use,
            SubmitConsentRecordId = decision.RecordId,
            Warning = warning,
            State = GenerationJobState.Queued,
            CreatedUtc = now,
            QueuedUtc = now,
        };
        var saved = await blobs.CommitAsync(async () =>
        {
            if (!await references.TryStoreAsync(videos.Value!, job))
            {
                return false;
            }

            try
            {
                db.GenerationJobs.Add(job);
                AuditLog.Add(db, now, request.UserId, request.TeamId, "generation.submitted", job.Id.ToString(), request.Ip, new
                {
                    portrait = portrait.Id, audio = audio.Id, engine = job.EngineId, use = request.Use.ToString(), consentRecord = decision.RecordId,
                    options = job.OptionsJson, refEyeblink = job.RefEyeblinkSha256, refPose = job.RefPoseSha256,
                });
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch
            {
                await BlobReferences.DeleteUnreferencedAsync(db, blobs, job.BlobHashes, CancellationToken.None);
                throw;
            }
        }, ct);
        if (!saved)
        {
            return LibraryResult<Submitted>.Invalid("reference.not_found", "A reference video was just used by another submission; upload it again.");
        }

        await notifier.PublishAsync(new JobStateMessage(job.Id, job.TeamId, nameof(GenerationJobState.Queued), null));
        queue.Wake();
        return LibraryResult<Submitted>.Ok(new(job.Id, warning));
    }

    private async Task<LibraryResult<Submitted>?> CheckInputsAsync(Request request, Portrait portrait, AudioClip audio, CancellationToken ct)
    {
        var engine = engines.Find(request.EngineId);
        if (engine is null)
        {
            return LibraryResult<Submitted>.Invalid("engine.unknown", $"Unknown engine “{request.EngineId}”; choose one of: {string.Join(", ", engines.All.Select(e => e.Id))}.");
        }

        var availability = engine.CheckAvailability();
        if (!availability.IsAvailable)
        {
            return LibraryResult<Submitted>.Invalid("engine.unavailable", $"{engine.DisplayName} is not available here: {availability.Reason}");
        }

        if (request.References?.Any == true && !engine.Capabilities.ReferenceVideos)
        {
            return LibraryResult<Submitted>.Invalid("reference.unsupported", $"{engine.DisplayName} does not take reference eye-blink or pose videos; remove them or choose an engine that does.");
        }

        var problems = engine.Capabilities.Validate(request.Settings.ToEngineOptions());
        if (problems.Count > 0)
        {
            return LibraryResult<Submitted>.Invalid("options.invalid", string.Join(" ", problems));
        }

        if (await watermark.ValidateAsync(request.Settings.WatermarkText, ct) is { } bad)
        {
            return LibraryResult<Submitted>.Invalid(bad.Code, bad.Message);
        }

        if (!Enum.IsDefined(request.Settings.WatermarkPosition))
        {
            return LibraryResult<Submitted>.Invalid("watermark.position", "Unknown watermark position.");
        }

        switch (Enum.TryParse<FaceVerdict>(portrait.FaceVerdict, out var verdict) ? verdict : FaceVerdict.NoFace)
        {
            case FaceVerdict.NoFace:
                return LibraryResult<Submitted>.Invalid("face.none", $"“{portrait.Name}” has no detectable face, so it cannot be animated. Choose a portrait with one clear, front-facing face.");
            case FaceVerdict.SeveralFaces:
                return LibraryResult<Submitted>.Invalid("face.several", $"“{portrait.Name}” shows several faces; crop it to the one person who should talk and upload it again.");
        }

        if (audio.DurationSeconds < MinAudioSeconds)
        {
            return LibraryResult<Submitted>.Invalid("audio.too_short", $"“{audio.Name}” is shorter than one video frame (40 ms); use a longer recording.");
        }

        return null;
    }

    private static string? FaceWarning(Portrait portrait) => portrait.FaceVerdict switch
    {
        nameof(FaceVerdict.FaceTooSmall) => $"The face in “{portrait.Name}” is small: the mouth will move in few pixels. {portrait.FaceMessage}".Trim(),
        nameof(FaceVerdict.StronglyRotated) => $"The face in “{portrait.Name}” is tilted or in profile: the result may look distorted. {portrait.FaceMessage}".Trim(),
        _ => null,
    };
}
