using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Library;

/// <summary>Loads one library item for a detail page; unknown ids and other teams' items render the not-found page (404).</summary>
public abstract class LibraryItemPageBase<T> : ComponentBase
    where T : class, ILibraryItem
{
    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private LibraryItems Items { get; set; } = default!;

    [Inject]
    private TeamAccess Teams { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected abstract MediaKind Kind { get; }

    protected T? Item { get; set; }

    protected string UserId { get; private set; } = "";

    protected bool CanEdit { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        UserId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var result = await Items.GetAsync(UserId, Kind, Id, CancellationToken.None);
        if (!result.Succeeded || result.Value is not T item)
        {
            Item = null;
            Navigation.NotFound();
            return;
        }

        Item = item;
        CanEdit = await Teams.GetRoleAsync(UserId, item.TeamId) >= TeamRole.Editor;
    }

    protected void OnSaved(ILibraryItem saved) => Item = (T)saved;
}
