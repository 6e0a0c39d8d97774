using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Trust;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Trust;

/// <summary>
/// Checks an uploaded video for this installation's invisible watermark and signed provenance record, finds the job it
/// came from and reports what the user may see. The upload is deleted afterwards whatever happens.
/// </summary>
public sealed class VerifyVideo(
    IDbContextFactory<AppDbContext> dbFactory, ProvenanceKey key, TeamAccess teams, TimeProvider clock, ILogger<VerifyVideo> logger)
{
    /// <summary>Largest video accepted.</summary>
    public const long MaxBytes = 500L * 1024 * 1024;

    /// <summary>Checks running at once (each decodes up to 20 s of video and hashes the whole file with ffmpeg).</summary>
    public const int MaxConcurrent = 2;

    private readonly SemaphoreSlim _slots = new(MaxConcurrent, MaxConcurrent);

    /// <param name="TempFile">The upload, owned (and deleted) by the handler.</param>
    public sealed record Request(string UserId, bool IsAdmin, string TempFile, string? Ip);

    public async Task<LibraryResult<VerifyReport>> HandleAsync(Request request, CancellationToken ct)
    {
        try
        {
            if (!await _slots.WaitAsync(TimeSpan.Zero, ct))
            {
                return LibraryResult<VerifyReport>.Conflict("verify.busy", $"{MaxConcurrent} videos are being checked right now; try again in a minute.");
            }

            try
            {
                return await CheckAsync(request, ct);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            File.Delete(request.TempFile);
        }
    }

    private async Task<LibraryResult<VerifyReport>> CheckAsync(Request request, CancellationToken ct)
    {
        WatermarkDetection mark;
        ProvenanceVerification provenance;
        try
        {
            mark = await WatermarkDetector.DetectAsync(request.TempFile, ct);
            provenance = await ProvenanceVerifier.VerifyAsync(request.TempFile, null, [key.PublicKeySpki], ct);
        }
        catch (MediaToolException ex)
        {
            logger.LogInformation("Verify: unreadable upload ({Error}).", ex.Message);
            return LibraryResult<VerifyReport>.Invalid("verify.unreadable", "This file is not a video that can be read (no decodable video stream).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await FindJobAsync(db, mark, provenance, ct);
        var made = job is null ? null : await MadeAsync(db, request, job, provenance, ct);
        var (verdict, message) = Verdict(mark, provenance, job is not null);
        var report = new VerifyReport(verdict, message, mark.Found, mark.Payload?.Hex, mark.Summary, provenance.Status.ToString(),
            provenance.Record is null ? null : provenance.KeyTrusted, provenance.Problems, made);

        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, request.UserId, job?.TeamId, "trust.video.verified", job?.Id.ToString(), request.Ip,
            new { verdict, payload = mark.Payload?.Hex, provenance = provenance.Status.ToString(), pilot = Math.Round(mark.PilotScore, 1) });
        await db.SaveChangesAsync(CancellationToken.None);
        return LibraryResult<VerifyReport>.Ok(report);
    }

    /// <summary>By the watermark payload; else by the job id of a record this installation signed.</summary>
    private async Task<GenerationJob?> FindJobAsync(AppDbContext db, WatermarkDetection mark, ProvenanceVerification provenance, CancellationToken ct)
    {
        if (mark.Payload is { } payload
            && await db.GenerationJobs.AsNoTracking().Where(j => j.WatermarkPayloadHex == payload.Hex).OrderBy(j => j.CreatedUtc).FirstOrDefaultAsync(ct) is { } byMark)
        {
            return byMark;
        }

        return provenance is { SignatureValid: true, KeyTrusted: true, Record: { } record } && Guid.TryParse(record.Manifest.JobId, out var id)
            ? await db.GenerationJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct)
            : null;
    }

    private async Task<MadeHere> MadeAsync(AppDbContext db, Request request, GenerationJob job, ProvenanceVerification provenance, CancellationToken ct)
    {
        var recordId = job.StartConsentRecordId ?? job.SubmitConsentRecordId;
        var record = recordId is { } r ? await db.ConsentRecords.AsNoTracking().FirstOrDefaultAsync(c => c.Id == r, ct) : null;
        var signedConsent = provenance.SignatureValid && provenance.KeyTrusted == true ? provenance.Record?.Manifest.Consent?.State : null;

        // Without a signed record: the worker only starts a job whose consent it has just checked as approved.
        var atGeneration = signedConsent ?? (job.StartConsentRecordId is not null ? nameof(ConsentState.Approved) : "none recorded");
        var now = record?.EffectiveState(clock.GetUtcNow().UtcDateTime).ToString() ?? (recordId is null ? null : "deleted");
        var member = request.IsAdmin || await teams.GetRoleAsync(request.UserId, job.TeamId, ct) is not null;
        var detail = member ? new MadeHereDetail(job.Id, job.TeamId, job.PortraitId, job.PortraitName, job.AudioName, recordId) : null;
        return new MadeHere(job.CreatedUtc, atGeneration, now, detail);
    }

    private (string Code, string Message) Verdict(WatermarkDetection mark, ProvenanceVerification provenance, bool jobFound)
    {
        var keyId = provenance.Record?.KeyId;
        return provenance switch
        {
            { Status: ProvenanceStatus.Malformed } or { Status: ProvenanceStatus.Invalid, SignatureValid: false } => (VerifyVerdicts.SignatureInvalid,
                "The video carries a provenance record but its signature is invalid: the record was altered or forged. Do not trust what it says."),
            { Status: ProvenanceStatus.Invalid } => (VerifyVerdicts.VideoChanged,
                "The video was changed after it was signed: its picture or sound no longer matches the signed hash."),
            { Status: ProvenanceStatus.Valid, KeyTrusted: false } => (VerifyVerdicts.UnknownKey,
                $"The video is signed by key {keyId}, which is not this installation's key ({key.KeyId}): it was made elsewhere."),
            { Status: ProvenanceStatus.Valid } when jobFound => (VerifyVerdicts.Authentic,
                "Authentic: made by this installation and unchanged since (valid signature, matching content hash)."),
            { Status: ProvenanceStatus.Valid } => (VerifyVerdicts.UnknownJob,
                "Signed by this installation, but its job is no longer here (deleted)."),
            _ when mark.Found && jobFound => (VerifyVerdicts.WatermarkOnly,
                "This installation's watermark was found, but the signed record is missing (the video was re-encoded or edited)."),
            _ when mark.Found => (VerifyVerdicts.UnknownJob,
                $"A watermark was found (payload {mark.Payload}), but no job of this installation carries it: it was deleted or made by another installation."),
            _ => (VerifyVerdicts.NotFound, mark.MarkSuspected
                ? "No provenance record, and a watermark seems present but could not be read: the video may have been heavily edited."
                : "No watermark and no provenance record: nothing shows this video was made by this installation."),
        };
    }
}
