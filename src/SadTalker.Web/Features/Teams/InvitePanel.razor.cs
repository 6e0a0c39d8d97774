using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Radzen;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>Owners only (the use cases check again): create an invite link, see it once, revoke the usable ones.</summary>
public sealed partial class InvitePanel
{
    private static readonly TeamRole[] RoleChoices = [TeamRole.Viewer, TeamRole.Editor, TeamRole.Owner];

    // Without input attributes RadzenNumeric sets aria-label to its Name ("InviteExpiryDays"), which hides the visible
    // label from assistive technology (and from tests that find fields by label); with them the label names the input.
    private static readonly Dictionary<string, object> ExpiryInput = new() { ["aria-label"] = "Expires in (days)" };
    private static readonly Dictionary<string, object> UsesInput = new() { ["aria-label"] = "Uses" };

    // Least privilege by default; owners pick Editor or Owner on purpose.
    private TeamRole _role = TeamRole.Viewer;
    private int _expiresInDays = CreateInvite.DefaultExpiryDays;
    private int _maxUses = CreateInvite.DefaultUses;
    private string? _link;
    private string? _linkDetails;
    private string? _error;

    [Parameter, EditorRequired]
    public Guid TeamId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    [Parameter, EditorRequired]
    public IReadOnlyList<GetTeam.InviteRow> Invites { get; set; } = [];

    /// <summary>Raised after an invite was created or revoked, so the page reloads the list.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private CreateInvite CreateInvite { get; set; } = default!;

    [Inject]
    private Audit.ClientAddress Client { get; set; } = default!;

    [Inject]
    private RevokeInvite RevokeInvite { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private async Task CreateAsync()
    {
        var result = await CreateInvite.HandleAsync(new(UserId, TeamId, _role, _expiresInDays, _maxUses, Client.Ip));
        _error = result.Error;
        if (result.Token is null)
        {
            return;
        }

        _link = Navigation.ToAbsoluteUri(CreateInvite.LinkPath(result.Token)).AbsoluteUri;
        _linkDetails = $"It makes people {_role}s, works until {result.ExpiresUtc:yyyy-MM-dd HH:mm} UTC and can be used "
            + (_maxUses == 1 ? "once." : $"{_maxUses} times.");
        await Changed.InvokeAsync();
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _link);
            Notifications.Notify(NotificationSeverity.Success, "Invite link copied.");
        }
        catch (JSException)
        {
            // Browsers refuse the clipboard without permission or outside secure contexts.
            Notifications.Notify(NotificationSeverity.Warning, "Could not copy: select the link and copy it yourself.");
        }
    }

    private async Task RevokeAsync(GetTeam.InviteRow invite)
    {
        var result = await RevokeInvite.HandleAsync(new(UserId, TeamId, invite.Id, Client.Ip));
        _error = result.Error;
        if (result.Succeeded)
        {
            Notifications.Notify(NotificationSeverity.Success, "Invite link revoked: it no longer works.");
        }

        await Changed.InvokeAsync();
    }
}
