using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Library;

/// <summary>Which blobs rows still point at; used to delete blob files only when nothing references them.</summary>
public static class BlobReferences
{
    /// <summary>Deletes the blobs of <paramref name="hashes"/> that no row references. Call inside <see cref="BlobStore.CommitAsync{T}"/>.</summary>
    public static async Task DeleteUnreferencedAsync(AppDbContext db, BlobStore blobs, IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        var referenced = await ReferencedAsync(db, hashes, ct);
        blobs.Delete(hashes.Where(h => !referenced.Contains(h)));
    }

    public static async Task<HashSet<string>> ReferencedAsync(AppDbContext db, IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        set.UnionWith(await db.Portraits.Where(p => hashes.Contains(p.OriginalSha256)).Select(p => p.OriginalSha256).ToListAsync(ct));
        set.UnionWith(await db.Portraits.Where(p => hashes.Contains(p.ImageSha256)).Select(p => p.ImageSha256).ToListAsync(ct));
        set.UnionWith(await db.Portraits.Where(p => hashes.Contains(p.ThumbnailSha256)).Select(p => p.ThumbnailSha256).ToListAsync(ct));
        set.UnionWith(await db.AudioClips.Where(a => hashes.Contains(a.OriginalSha256)).Select(a => a.OriginalSha256).ToListAsync(ct));
        set.UnionWith(await db.AudioClips.Where(a => hashes.Contains(a.PcmSha256)).Select(a => a.PcmSha256).ToListAsync(ct));
        set.UnionWith(await db.AudioClips.Where(a => hashes.Contains(a.PlaybackSha256)).Select(a => a.PlaybackSha256).ToListAsync(ct));
        set.UnionWith(await db.AudioClips.Where(a => hashes.Contains(a.WaveformSha256)).Select(a => a.WaveformSha256).ToListAsync(ct));
        set.UnionWith(await db.ConsentEvidence.Where(e => hashes.Contains(e.Sha256)).Select(e => e.Sha256).ToListAsync(ct));
        set.UnionWith(await db.ConsentEvidence.Where(e => e.PreviewSha256 != null && hashes.Contains(e.PreviewSha256)).Select(e => e.PreviewSha256!).ToListAsync(ct));
        set.UnionWith(await db.GenerationJobs.Where(j => j.VideoSha256 != null && hashes.Contains(j.VideoSha256)).Select(j => j.VideoSha256!).ToListAsync(ct));
        set.UnionWith(await db.GenerationJobs.Where(j => j.ThumbnailSha256 != null && hashes.Contains(j.ThumbnailSha256)).Select(j => j.ThumbnailSha256!).ToListAsync(ct));
        set.UnionWith(await db.GenerationJobs.Where(j => j.ProvenanceSha256 != null && hashes.Contains(j.ProvenanceSha256)).Select(j => j.ProvenanceSha256!).ToListAsync(ct));
        set.UnionWith(await db.GenerationJobs.Where(j => j.RefEyeblinkSha256 != null && hashes.Contains(j.RefEyeblinkSha256)).Select(j => j.RefEyeblinkSha256!).ToListAsync(ct));
        set.UnionWith(await db.GenerationJobs.Where(j => j.RefPoseSha256 != null && hashes.Contains(j.RefPoseSha256)).Select(j => j.RefPoseSha256!).ToListAsync(ct));
        return set;
    }
}
