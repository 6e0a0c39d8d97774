using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// One team: members for every member; settings, roles, removals, invites and deletion for owners. Anyone else gets
/// the not-found page (404 over HTTP) whether or not the team exists.
/// </summary>
public sealed partial class TeamPage : IDisposable
{
    private static readonly TeamRole[] RoleChoices = [TeamRole.Owner, TeamRole.Editor, TeamRole.Viewer];

    private GetTeam.View? _view;
    private bool _gone;
    private string _userId = "";
    private string _newName = "";
    private string? _settingsError;
    private string? _membersError;
    private string? _membershipError;

    // Bumped when a role change is refused: the dropdowns are rebuilt, since one still shows the refused choice
    // while its Value parameter (the kept role) has not changed.
    private int _roleVersion;
    private IDisposable? _subscription;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private GetTeam GetTeam { get; set; } = default!;

    [Inject]
    private Audit.ClientAddress Client { get; set; } = default!;

    [Inject]
    private RenameTeam RenameTeam { get; set; } = default!;

    [Inject]
    private DeleteTeam DeleteTeam { get; set; } = default!;

    [Inject]
    private ChangeMemberRole ChangeMemberRole { get; set; } = default!;

    [Inject]
    private RemoveMember RemoveMember { get; set; } = default!;

    [Inject]
    private LeaveTeam LeaveTeam { get; set; } = default!;

    [Inject]
    private ActiveTeam ActiveTeam { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        _gone = false;
        _view = await GetTeam.HandleAsync(new(_userId, Id));
        if (_view is null)
        {
            // The same answer for a missing team and someone else's: 404 over HTTP, the not-found page when interactive.
            Navigation.NotFound();
            return;
        }

        _newName = _view.Name;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && _view is not null)
        {
            // Another owner's changes (or this user being removed) show up without a reload.
            _subscription = ActiveTeam.Subscribe(_userId, _ => InvokeAsync(OnTeamsChangedAsync));
        }
    }

    private async Task OnTeamsChangedAsync()
    {
        try
        {
            await ReloadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task ReloadAsync()
    {
        var view = await GetTeam.HandleAsync(new(_userId, Id));
        _gone = view is null;
        if (view is not null && view.Name != _view?.Name)
        {
            _newName = view.Name;
        }

        _view = view;
    }

    private async Task RenameAsync()
    {
        var result = await RenameTeam.HandleAsync(new(_userId, Id, _newName));
        _settingsError = result.Error;
        if (result.Succeeded)
        {
            Notifications.Notify(NotificationSeverity.Success, $"Team renamed to {_newName.Trim()}.");
        }

        await ReloadAsync();
    }

    private async Task ChangeRoleAsync(GetTeam.MemberRow member, TeamRole role)
    {
        var result = await ChangeMemberRole.HandleAsync(new(_userId, Id, member.UserId, role, Client.Ip));
        _membersError = result.Error;
        if (result.Succeeded)
        {
            Notifications.Notify(NotificationSeverity.Success, $"{member.Email} is now {role}.");
        }
        else
        {
            _roleVersion++;
        }

        await ReloadAsync();
    }

    private async Task RemoveAsync(GetTeam.MemberRow member)
    {
        var confirmed = await Dialogs.Confirm($"Remove {member.Email} from {_view!.Name}?", "Remove member",
            new ConfirmOptions { OkButtonText = "Remove", CancelButtonText = "Cancel" });
        if (confirmed != true)
        {
            return;
        }

        var result = await RemoveMember.HandleAsync(new(_userId, Id, member.UserId, Client.Ip));
        _membersError = result.Error;
        if (result.Succeeded)
        {
            Notifications.Notify(NotificationSeverity.Success, $"{member.Email} was removed from the team.");
        }

        await ReloadAsync();
    }

    private async Task LeaveAsync()
    {
        var result = await LeaveTeam.HandleAsync(new(_userId, Id, Client.Ip));
        _membershipError = result.Error;
        if (result.Succeeded)
        {
            Notifications.Notify(NotificationSeverity.Success, $"You left {_view!.Name}.");
            Navigation.NavigateTo("teams");
        }
    }

    private async Task DeleteAsync()
    {
        var name = _view!.Name;
        var confirmed = await Dialogs.Confirm($"Delete {name} and everything that belongs to it? This cannot be undone.", "Delete team",
            new ConfirmOptions { OkButtonText = "Delete team", CancelButtonText = "Cancel" });
        if (confirmed != true)
        {
            return;
        }

        var result = await DeleteTeam.HandleAsync(new(_userId, Id));
        _membershipError = result.Error;
        if (result.Succeeded)
        {
            Notifications.Notify(NotificationSeverity.Success, $"Team {name} deleted.");
            Navigation.NavigateTo("teams");
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
