using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Library;

/// <summary>Rename, retag and delete portraits and audio clips (one class: the rules are the same for both kinds).</summary>
public sealed class LibraryItems(IDbContextFactory<AppDbContext> dbFactory, BlobStore blobs, LibraryAccess access, MediaUsage usage)
{
    /// <summary>Loads an item the user may see; not-found for unknown ids and for teams the user is not in.</summary>
    public async Task<LibraryResult<ILibraryItem>> GetAsync(string userId, MediaKind kind, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await FindAsync(db, kind, id, ct);
        if (item is null)
        {
            return LibraryResult<ILibraryItem>.NotFound();
        }

        return await access.DenyAsync<ILibraryItem>(userId, item.TeamId, edit: false, ct) ?? LibraryResult<ILibraryItem>.Ok(item);
    }

    public async Task<LibraryResult<ILibraryItem>> UpdateAsync(string userId, MediaKind kind, Guid id, string? name, string? tags, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await FindAsync(db, kind, id, ct);
        if (item is null)
        {
            return LibraryResult<ILibraryItem>.NotFound();
        }

        if (await access.DenyAsync<ILibraryItem>(userId, item.TeamId, edit: true, ct) is { } denied)
        {
            return denied;
        }

        var (validName, nameError) = LibraryNames.Validate(name ?? item.Name);
        if (nameError is not null)
        {
            return LibraryResult<ILibraryItem>.Invalid("name.invalid", nameError);
        }

        var (stored, tagError) = tags is null ? (item.Tags, null) : TagList.Parse(tags);
        if (tagError is not null)
        {
            return LibraryResult<ILibraryItem>.Invalid("tags.invalid", tagError);
        }

        item.Name = validName;
        item.Tags = stored;
        await db.SaveChangesAsync(ct);
        return LibraryResult<ILibraryItem>.Ok(item);
    }

    public async Task<LibraryResult<bool>> DeleteAsync(string userId, MediaKind kind, Guid id, CancellationToken ct)
    {
        return await blobs.CommitAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var item = await FindAsync(db, kind, id, ct);
            if (item is null)
            {
                return LibraryResult<bool>.NotFound();
            }

            if (await access.DenyAsync<bool>(userId, item.TeamId, edit: true, ct) is { } denied)
            {
                return denied;
            }

            if (await usage.InUseAsync(kind, id, ct) is { } reason)
            {
                return LibraryResult<bool>.Conflict("item.in_use", $"“{item.Name}” cannot be deleted while it is in use: {reason}");
            }

            // A portrait's consent records go with it (cascade), and so do their evidence files unless shared.
            var evidence = await db.ConsentEvidence
                .Where(e => db.ConsentRecords.Any(r => r.Id == e.ConsentRecordId && r.PortraitId == id))
                .Select(e => new { e.Sha256, e.PreviewSha256 })
                .ToListAsync(ct);
            var hashes = item.BlobHashes.Concat(evidence.SelectMany(e => e.PreviewSha256 is null ? [e.Sha256] : new[] { e.Sha256, e.PreviewSha256 })).ToList();
            db.Remove(item);
            await db.SaveChangesAsync(ct);
            await BlobReferences.DeleteUnreferencedAsync(db, blobs, hashes, ct);
            return LibraryResult<bool>.Ok(true);
        }, ct);
    }

    private static async Task<ILibraryItem?> FindAsync(AppDbContext db, MediaKind kind, Guid id, CancellationToken ct) => kind switch
    {
        MediaKind.Portrait => await db.Portraits.FirstOrDefaultAsync(p => p.Id == id, ct),
        _ => await db.AudioClips.FirstOrDefaultAsync(a => a.Id == id, ct),
    };
}
