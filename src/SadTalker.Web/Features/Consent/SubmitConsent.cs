using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Consent;

/// <summary>An Editor or Owner records a consent (or a "not a real person" claim) for a portrait; it starts Pending.</summary>
public sealed class SubmitConsent(IDbContextFactory<AppDbContext> dbFactory, TeamAccess teams, TimeProvider clock)
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
        string? Ip);

    // LibraryResult is reused: the same NotFound/Forbidden/Invalid vocabulary maps to the same HTTP answers.
    public async Task<LibraryResult<Guid>> HandleAsync(Request request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.Portraits.AsNoTracking().Where(p => p.Id == request.PortraitId).Select(p => new { p.TeamId }).FirstOrDefaultAsync(ct);
        var role = portrait is null ? null : await teams.GetRoleAsync(request.UserId, portrait.TeamId, ct);
        if (portrait is null || role is null)
        {
            return LibraryResult<Guid>.NotFound();
        }

        if (role < TeamRole.Editor)
        {
            return LibraryResult<Guid>.Forbidden("Viewers can read consent records but not submit them.");
        }

        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = new ConsentRecord
        {
            Id = Guid.NewGuid(),
            TeamId = portrait.TeamId,
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

        db.ConsentRecords.Add(record);
        AuditLog.Add(db, now, request.UserId, record.TeamId, "consent.record.submitted", record.Id.ToString(), request.Ip,
            new { portraitId = record.PortraitId, uses = record.Uses.ToString(), notRealPerson = record.NotRealPerson });
        await db.SaveChangesAsync(ct);
        return LibraryResult<Guid>.Ok(record.Id);
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
