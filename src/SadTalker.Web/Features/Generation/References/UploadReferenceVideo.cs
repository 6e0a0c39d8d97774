using SadTalker.Inference.Intake;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Generation.References;

/// <summary>
/// Accepts a reference eye-blink / pose video for a coming submission: the user edits in the team, the file is a
/// short video (<see cref="ReferenceVideoIntake"/>); it is then staged until submitted. A refused file is deleted.
/// </summary>
public sealed class UploadReferenceVideo(LibraryAccess access, ReferenceVideoStaging staging)
{
    /// <param name="tempFile">The received upload; always taken over (staged or deleted).</param>
    public async Task<LibraryResult<StagedReferenceVideo>> HandleAsync(string userId, Guid teamId, string tempFile, string? fileName, CancellationToken ct)
    {
        try
        {
            if (await access.DenyAsync<StagedReferenceVideo>(userId, teamId, edit: true, ct) is { } denied)
            {
                return denied;
            }

            var accepted = await ReferenceVideoIntake.ProbeAsync(tempFile, fileName, ct);
            return LibraryResult<StagedReferenceVideo>.Ok(staging.Stage(userId, teamId, tempFile, accepted));
        }
        catch (IntakeException ex)
        {
            return LibraryResult<StagedReferenceVideo>.Invalid(ex.Code, ex.Message);
        }
        finally
        {
            // Staging moved it away on success; every other way out leaves nothing behind.
            File.Delete(tempFile);
        }
    }
}
