using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Library;

/// <summary>Team-role checks shared by every library use case: members see, Editors and Owners change.</summary>
public sealed class LibraryAccess(TeamAccess teams)
{
    public const string ViewerMessage = "Viewers can see and download library items but not upload, edit or delete them.";

    /// <summary>Null when the user may act; otherwise the failure to return (not-found for non-members).</summary>
    public async Task<LibraryResult<T>?> DenyAsync<T>(string userId, Guid teamId, bool edit, CancellationToken ct)
    {
        var role = await teams.GetRoleAsync(userId, teamId, ct);
        if (role is null)
        {
            return LibraryResult<T>.NotFound();
        }

        return edit && role < TeamRole.Editor ? LibraryResult<T>.Forbidden(ViewerMessage) : null;
    }
}
