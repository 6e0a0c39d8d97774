using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Intake;
using SadTalker.Web.Data;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Library;

/// <summary>
/// The steps every upload shares: role check, name and tag validation, intake in a private work folder, then
/// storing the outputs and the row as one commit. Whatever fails, no file and no row are left behind.
/// </summary>
public sealed class LibraryIngest(IDbContextFactory<AppDbContext> dbFactory, BlobStore blobs, LibraryAccess access, ILogger<LibraryIngest> logger)
{
    public delegate Task<TIntake> Intake<TIntake>(string workDir, CancellationToken ct);

    public delegate T BuildRow<T>(string name, string tags, string fileName, IReadOnlyList<StoredBlob> stored);

    public async Task<LibraryResult<T>> RunAsync<TIntake, T>(
        UploadRequest request,
        Intake<TIntake> intake,
        Func<TIntake, IReadOnlyList<string>> outputs,
        Func<TIntake, BuildRow<T>> build,
        CancellationToken ct)
        where T : class
    {
        string? workDir = null;
        try
        {
            if (await access.DenyAsync<T>(request.UserId, request.TeamId, edit: true, ct) is { } denied)
            {
                return denied;
            }

            // Browsers send a bare name; separators or control characters mean a crafted request, which is refused
            // outright rather than silently cleaned.
            if (request.ClientFileName is { } raw && raw.Any(c => c is '/' or '\\' || char.IsControl(c)))
            {
                return LibraryResult<T>.Invalid(IntakeErrorCodes.FileNameInvalid,
                    "The file name contains path separators or control characters. Rename the file and upload it again.");
            }

            string fileName;
            try
            {
                fileName = UploadFileName.Sanitize(request.ClientFileName);
            }
            catch (IntakeException ex)
            {
                return LibraryResult<T>.Invalid(ex.Code, ex.Message);
            }

            var (name, nameError) = LibraryNames.Validate(string.IsNullOrWhiteSpace(request.Name) ? LibraryNames.FromFileName(fileName) : request.Name);
            if (nameError is not null)
            {
                return LibraryResult<T>.Invalid("name.invalid", nameError);
            }

            var (tags, tagError) = TagList.Parse(request.Tags);
            if (tagError is not null)
            {
                return LibraryResult<T>.Invalid("tags.invalid", tagError);
            }

            workDir = blobs.CreateTempDirectory();
            TIntake processed;
            try
            {
                processed = await intake(workDir, ct);
            }
            catch (IntakeException ex)
            {
                return LibraryResult<T>.Invalid(ex.Code, ex.Message);
            }

            var files = new List<string> { request.TempFile };
            files.AddRange(outputs(processed));
            return await blobs.CommitAsync(() => StoreAsync(files, build(processed), name, tags, fileName, ct), ct);
        }
        finally
        {
            File.Delete(request.TempFile);
            if (workDir is not null && Directory.Exists(workDir))
            {
                Directory.Delete(workDir, recursive: true);
            }
        }
    }

    private async Task<LibraryResult<T>> StoreAsync<T>(List<string> files, BuildRow<T> build, string name, string tags, string fileName, CancellationToken ct)
        where T : class
    {
        var stored = new List<StoredBlob>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            foreach (var file in files)
            {
                stored.Add(await blobs.PutFileAsync(file, ct));
            }

            var row = build(name, tags, fileName, stored);
            db.Add(row);
            await db.SaveChangesAsync(ct);
            return LibraryResult<T>.Ok(row);
        }
        catch (Exception ex)
        {
            // Undo: blobs this upload brought in that no committed row references go again.
            logger.LogWarning(ex, "Storing an upload failed; removing its unreferenced blobs.");
            db.ChangeTracker.Clear();
            await BlobReferences.DeleteUnreferencedAsync(db, blobs, stored.Select(s => s.Sha256).ToList(), CancellationToken.None);
            throw;
        }
    }
}
