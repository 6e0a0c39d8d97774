using System.Collections.Concurrent;
using System.Security.Cryptography;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Generation.References;

/// <summary>
/// Holds accepted reference videos between their upload and the submission that uses them: server-named temp files
/// in the blob store's temp folder, known by a random token that only the uploader, in that team, can redeem. A
/// submission moves them into the content-addressed store with the job row (so a refused submission stores
/// nothing and can be sent again); uploads not used within <see cref="Lifetime"/> are deleted.
/// </summary>
public sealed class ReferenceVideoStaging(BlobStore blobs, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private const string FilePrefix = "refvideo-";
    private readonly ConcurrentDictionary<string, StagedReferenceVideo> _staged = new(StringComparer.Ordinal);

    /// <summary>The videos a submission names, once they are known to be staged for this user and team.</summary>
    public sealed record Resolved(StagedReferenceVideo? Eyeblink, StagedReferenceVideo? Pose);

    /// <summary>Takes over <paramref name="tempFile"/> (an accepted upload) and returns its token.</summary>
    public StagedReferenceVideo Stage(string userId, Guid teamId, string tempFile, ReferenceVideoIntake.Accepted video)
    {
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(blobs.TempDir, FilePrefix + token);
        File.Move(tempFile, path);
        var staged = new StagedReferenceVideo(
            token, userId, teamId, path, video.FileName, video.DurationSeconds, video.Width, video.Height, clock.GetUtcNow().UtcDateTime);
        _staged[token] = staged;
        return staged;
    }

    /// <summary>Looks the tokens up (same token for both is fine); a refusal names which upload is missing.</summary>
    public LibraryResult<Resolved> Resolve(ReferenceVideoUploads uploads, string userId, Guid teamId)
    {
        var eyeblink = Find(uploads.Eyeblink, userId, teamId);
        if (!string.IsNullOrEmpty(uploads.Eyeblink) && eyeblink is null)
        {
            return Missing("eye-blink");
        }

        var pose = Find(uploads.Pose, userId, teamId);
        return !string.IsNullOrEmpty(uploads.Pose) && pose is null ? Missing("pose") : LibraryResult<Resolved>.Ok(new(eyeblink, pose));
    }

    /// <summary>
    /// Moves the videos into the blob store and records them on <paramref name="job"/>; false when another submission
    /// took one of them first. Call inside <see cref="BlobStore.CommitAsync{T}"/>, before saving the job.
    /// </summary>
    public async Task<bool> TryStoreAsync(Resolved videos, GenerationJob job)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var video in new[] { videos.Eyeblink, videos.Pose }.OfType<StagedReferenceVideo>().DistinctBy(v => v.Token))
        {
            if (!_staged.TryRemove(video.Token, out _) || !File.Exists(video.TempFile))
            {
                return false;
            }

            stored[video.Token] = (await blobs.PutFileAsync(video.TempFile)).Sha256;
        }

        if (videos.Eyeblink is { } e)
        {
            (job.RefEyeblinkSha256, job.RefEyeblinkName, job.RefEyeblinkSeconds) = (stored[e.Token], e.FileName, e.DurationSeconds);
        }

        if (videos.Pose is { } p)
        {
            (job.RefPoseSha256, job.RefPoseName, job.RefPoseSeconds) = (stored[p.Token], p.FileName, p.DurationSeconds);
        }

        return true;
    }

    private StagedReferenceVideo? Find(string? token, string userId, Guid teamId) =>
        !string.IsNullOrEmpty(token) && _staged.TryGetValue(token, out var staged) && staged.UserId == userId && staged.TeamId == teamId
            && !Expired(staged.StagedUtc) && File.Exists(staged.TempFile)
            ? staged
            : null;

    private bool Expired(DateTime stagedUtc) => clock.GetUtcNow().UtcDateTime - stagedUtc > Lifetime;

    /// <summary>Deletes expired uploads, including files staged before a restart (which the dictionary no longer knows).</summary>
    private void Sweep()
    {
        foreach (var (token, staged) in _staged)
        {
            if (Expired(staged.StagedUtc) && _staged.TryRemove(token, out _))
            {
                File.Delete(staged.TempFile);
            }
        }

        foreach (var file in new DirectoryInfo(blobs.TempDir).EnumerateFiles(FilePrefix + "*"))
        {
            if (Expired(file.LastWriteTimeUtc) && !_staged.ContainsKey(file.Name[FilePrefix.Length..]))
            {
                file.Delete();
            }
        }
    }

    private static LibraryResult<Resolved> Missing(string which) => LibraryResult<Resolved>.Invalid(
        "reference.not_found", $"The reference {which} video upload was not found or has expired (uploads are kept for {Lifetime.TotalHours:0} hours); upload it again.");
}
