using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Generation;

/// <summary>Reads of a team's jobs and videos; members only (not-found otherwise).</summary>
public sealed class GenerationQueries(IDbContextFactory<AppDbContext> dbFactory, LibraryAccess access, ConsentGate consent)
{
    public const int MaxList = 200;

    /// <summary>A finished video and whether the consent it was made under has been revoked since.</summary>
    public sealed record Video(GenerationJob Job, bool ConsentRevoked);

    public async Task<LibraryResult<IReadOnlyList<GenerationJob>>> JobsAsync(string userId, Guid teamId, CancellationToken ct = default)
    {
        if (await access.DenyAsync<IReadOnlyList<GenerationJob>>(userId, teamId, edit: false, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.GenerationJobs.AsNoTracking().Where(j => j.TeamId == teamId)
            .OrderByDescending(j => j.CreatedUtc).Take(MaxList).ToListAsync(ct);
        return LibraryResult<IReadOnlyList<GenerationJob>>.Ok(jobs);
    }

    public async Task<LibraryResult<Video>> JobAsync(string userId, Guid jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.GenerationJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null)
        {
            return LibraryResult<Video>.NotFound();
        }

        if (await access.DenyAsync<Video>(userId, job.TeamId, edit: false, ct) is { } denied)
        {
            return denied;
        }

        var revoked = ConsentRecord(job) is { } record && (await consent.RevokedAmongAsync([record], ct)).Contains(record);
        return LibraryResult<Video>.Ok(new Video(job, revoked));
    }

    /// <summary>Succeeded jobs of the team, newest first, optionally of one portrait and within [from, to) (UTC).</summary>
    public async Task<LibraryResult<IReadOnlyList<Video>>> VideosAsync(
        string userId, Guid teamId, Guid? portraitId, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct = default)
    {
        if (await access.DenyAsync<IReadOnlyList<Video>>(userId, teamId, edit: false, ct) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.GenerationJobs.AsNoTracking().Where(j => j.TeamId == teamId && j.State == GenerationJobState.Succeeded);
        if (portraitId is { } p)
        {
            query = query.Where(j => j.PortraitId == p);
        }

        if (fromUtc is { } from)
        {
            query = query.Where(j => j.CreatedUtc >= from);
        }

        if (toUtc is { } to)
        {
            query = query.Where(j => j.CreatedUtc < to);
        }

        var jobs = await query.OrderByDescending(j => j.CreatedUtc).Take(MaxList).ToListAsync(ct);
        var records = jobs.Select(ConsentRecord).OfType<Guid>().Distinct().ToList();
        var revoked = records.Count == 0 ? new HashSet<Guid>() : await consent.RevokedAmongAsync(records, ct);
        return LibraryResult<IReadOnlyList<Video>>.Ok(jobs.Select(j => new Video(j, ConsentRecord(j) is { } r && revoked.Contains(r))).ToList());
    }

    public sealed record PortraitChoice(Guid Id, string Name, string FaceVerdict, string FaceMessage);

    public sealed record AudioChoice(Guid Id, string Name, double DurationSeconds);

    /// <summary>The team's portraits and audio clips for the Generate form, by name (members only; empty otherwise).</summary>
    public async Task<(IReadOnlyList<PortraitChoice> Portraits, IReadOnlyList<AudioChoice> Audio)> ChoicesAsync(string userId, Guid teamId, CancellationToken ct = default)
    {
        if (await access.DenyAsync<bool>(userId, teamId, edit: false, ct) is not null)
        {
            return ([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portraits = await db.Portraits.AsNoTracking().Where(p => p.TeamId == teamId).OrderByDescending(p => p.CreatedUtc).Take(MaxList)
            .Select(p => new PortraitChoice(p.Id, p.Name, p.FaceVerdict, p.FaceMessage)).ToListAsync(ct);
        var audio = await db.AudioClips.AsNoTracking().Where(a => a.TeamId == teamId).OrderByDescending(a => a.CreatedUtc).Take(MaxList)
            .Select(a => new AudioChoice(a.Id, a.Name, a.DurationSeconds)).ToListAsync(ct);
        return (portraits, audio);
    }

    /// <summary><see cref="MediaUsage"/> check: a library item a queued or running job uses cannot be deleted.</summary>
    public async Task<string?> ActiveUseAsync(MediaKind kind, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = db.GenerationJobs.Where(j => j.State == GenerationJobState.Queued || j.State == GenerationJobState.Running);
        active = kind == MediaKind.Portrait ? active.Where(j => j.PortraitId == id) : active.Where(j => j.AudioClipId == id);
        var count = await active.CountAsync(ct);
        return count == 0 ? null : $"{count} queued or running generation job(s) use it.";
    }

    /// <summary>The consent record the video relies on: the one checked at start, else the one at submit.</summary>
    public static Guid? ConsentRecord(GenerationJob job) => job.StartConsentRecordId ?? job.SubmitConsentRecordId;
}
