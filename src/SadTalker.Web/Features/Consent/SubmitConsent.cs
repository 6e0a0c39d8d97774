using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Intake;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Consent;

/// <summary>
/// An Editor or Owner records a consent (or a "not a real person" claim) for a portrait; it starts Pending. The
/// record, its attestations, its evidence rows and the audit row are one save; evidence blobs that no committed row
/// references are removed again when anything fails, and the uploads' temp files always are.
/// </summary>
public sealed class SubmitConsent(
    IDbContextFactory<AppDbContext> dbFactory, TeamAccess teams, TimeProvider clock, BlobStore blobs, EvidenceIntake evidenceIntake, ILogger<SubmitConsent> logger)
{
    public sealed record Request(
        string UserId,
        Guid PortraitId,
        bool NotRealPerson,
        string? SubjectName,
        string? SubjectContact,
        ConsentRelationship Relationship,
        string? RelationshipOther,
        PermittedUse Uses,
        DateTime? ValidFromUtc,
        DateTime? ValidUntilUtc,
        string? Notes,
        IReadOnlyCollection<string> Attested,
        string? Ip,
        IReadOnlyList<EvidenceUpload>? Evidence = null);

    // LibraryResult is reused: the same NotFound/Forbidden/Invalid vocabulary maps to the same HTTP answers.
    public async Task<LibraryResult<Guid>> HandleAsync(Request request, CancellationToken ct = default)
    {
        string? workDir = null;
        try
        {
            var (checkedResult, teamId) = await CheckAsync(request, ct);
            if (checkedResult is not null)
            {
                return checkedResult;
            }

            workDir = blobs.CreateTempDirectory();
            var accepted = new List<EvidenceIntakeResult>();
            foreach (var upload in request.Evidence ?? [])
            {
                try
                {
                    accepted.Add(await evidenceIntake.ProcessAsync(upload.TempFile, upload.FileName, workDir, ct));
                }
                catch (IntakeException ex)
                {
                    return LibraryResult<Guid>.Invalid(ex.Code, ex.Message);
                }
            }

            return await blobs.CommitAsync(() => StoreAsync(request, teamId, accepted, ct), ct);
        }
        finally
        {
            foreach (var upload in request.Evidence ?? [])
            {
                File.Delete(upload.TempFile);
            }

            if (workDir is not null && Directory.Exists(workDir))
            {
                Directory.Delete(workDir, recursive: true);
            }
        }
    }

    private async Task<(LibraryResult<Guid>? Failure, Guid TeamId)> CheckAsync(Request request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.Portraits.AsNoTracking().Where(p => p.Id == request.PortraitId).Select(p => new { p.TeamId }).FirstOrDefaultAsync(ct);
        var role = portrait is null ? null : await teams.GetRoleAsync(request.UserId, portrait.TeamId, ct);
        if (portrait is null || role is null)
        {
            return (LibraryResult<Guid>.NotFound(), default);
        }

        if (role < TeamRole.Editor)
        {
            return (LibraryResult<Guid>.Forbidden("Viewers can read consent records but not submit them."), default);
        }

        if (request.ValidUntilUtc is { } until && until <= clock.GetUtcNow().UtcDateTime)
        {
            return (LibraryResult<Guid>.Invalid("valid_until_past", "\"Valid until\" is already past: choose a later date or leave it empty."), default);
        }

        if (request.Evidence?.Count > EvidenceIntake.MaxFiles)
        {
            return (LibraryResult<Guid>.Invalid("evidence.too_many", $"Attach at most {EvidenceIntake.MaxFiles} evidence files."), default);
        }

        return (Validate(request), portrait.TeamId);
    }

    private async Task<LibraryResult<Guid>> StoreAsync(Request request, Guid teamId, List<EvidenceIntakeResult> evidence, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new List<string>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var record = Build(request, teamId, now);
            db.ConsentRecords.Add(record);
            foreach (var file in evidence)
            {
                var blob = await blobs.PutFileAsync(file.TempFile, ct);
                stored.Add(blob.Sha256);
                var preview = file.PreviewPath is null ? null : await blobs.PutFileAsync(file.PreviewPath, ct);
                if (preview is not null)
                {
                    stored.Add(preview.Sha256);
                }

                db.ConsentEvidence.Add(new ConsentEvidence
                {
                    Id = Guid.NewGuid(), ConsentRecordId = record.Id, Sha256 = blob.Sha256, FileName = file.FileName, ContentType = file.ContentType,
                    Kind = file.Kind, ByteCount = blob.Length, PreviewSha256 = preview?.Sha256, UploadedByUserId = request.UserId, UploadedUtc = now,
                });
            }

            AuditLog.Add(db, now, request.UserId, record.TeamId, "consent.record.submitted", record.Id.ToString(), request.Ip, new
            {
                portraitId = record.PortraitId, uses = record.Uses.ToString(), notRealPerson = record.NotRealPerson,
                evidence = evidence.Select(e => e.FileName).ToArray(),
            });
            await db.SaveChangesAsync(ct);
            return LibraryResult<Guid>.Ok(record.Id);
        }
        catch (Exception ex)
        {
            // Undo: evidence blobs this submission brought in that no committed row references go again.
            logger.LogWarning(ex, "Saving a consent record failed; removing its unreferenced evidence blobs.");
            db.ChangeTracker.Clear();
            await BlobReferences.DeleteUnreferencedAsync(db, blobs, stored, CancellationToken.None);
            throw;
        }
    }

    private static ConsentRecord Build(Request request, Guid teamId, DateTime now)
    {
        var record = new ConsentRecord
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            PortraitId = request.PortraitId,
            NotRealPerson = request.NotRealPerson,
            SubjectName = request.SubjectName!.Trim(),
            SubjectContact = Blank(request.SubjectContact),
            Relationship = request.Relationship,
            RelationshipOther = request.Relationship == ConsentRelationship.Other ? Blank(request.RelationshipOther) : null,
            Uses = request.Uses,
            ValidFromUtc = request.ValidFromUtc ?? now,
            ValidUntilUtc = request.ValidUntilUtc,
            Notes = Blank(request.Notes),
            State = ConsentState.Pending,
            SubmittedByUserId = request.UserId,
            SubmittedUtc = now,
            SubmittedIp = request.Ip,
        };
        foreach (var (key, wording) in ConsentAttestations.Wordings)
        {
            record.Attestations.Add(new ConsentAttestation
            {
                Id = Guid.NewGuid(), Key = key, Wording = wording, WordingVersion = ConsentAttestations.Version,
                UserId = request.UserId, AttestedUtc = now, Ip = request.Ip,
            });
        }

        return record;
    }

    private static LibraryResult<Guid>? Validate(Request r)
    {
        if (string.IsNullOrWhiteSpace(r.SubjectName))
        {
            return LibraryResult<Guid>.Invalid("subject_name_required", "Enter the subject's full name.");
        }

        if (r.SubjectName.Trim().Length > 200 || r.SubjectContact?.Length > 200 || r.RelationshipOther?.Length > 200 || r.Notes?.Length > 4000)
        {
            return LibraryResult<Guid>.Invalid("too_long", "Names and contact are limited to 200 characters, notes to 4,000.");
        }

        if (!Enum.IsDefined(r.Relationship))
        {
            return LibraryResult<Guid>.Invalid("relationship_invalid", "Choose a relationship: self, colleague, licensed talent or other.");
        }

        if (r.Relationship == ConsentRelationship.Other && string.IsNullOrWhiteSpace(r.RelationshipOther))
        {
            return LibraryResult<Guid>.Invalid("relationship_other_required", "Describe the relationship when you choose \"other\".");
        }

        if (r.Uses == PermittedUse.None || (r.Uses & ~(PermittedUse.Internal | PermittedUse.External | PermittedUse.Commercial)) != 0)
        {
            return LibraryResult<Guid>.Invalid("uses_required", "Tick at least one permitted use: internal, external/public or commercial.");
        }

        if (r.ValidFromUtc is { } from && r.ValidUntilUtc is { } until && until <= from)
        {
            return LibraryResult<Guid>.Invalid("valid_until_before_from", "\"Valid until\" must be after \"valid from\".");
        }

        var missing = ConsentAttestations.Wordings.Keys.Where(k => !r.Attested.Contains(k)).ToList();
        return missing.Count == 0 ? null
            : LibraryResult<Guid>.Invalid("attestation_required", $"Tick every statement: {string.Join("; ", missing.Select(k => ConsentAttestations.Wordings[k]))}.");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
