using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// The header's "Active team" switch: lists the user's teams with their role, saves the choice on the account, and
/// follows changes made elsewhere (another tab, a team page, an owner removing the user) through <see cref="ActiveTeam"/>.
/// </summary>
public sealed partial class ActiveTeamPicker : IDisposable
{
    private List<Option> _options = [];
    private Guid _activeId;
    private string? _userId;
    private IDisposable? _subscription;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private ActiveTeam ActiveTeam { get; set; } = default!;

    [Inject]
    private TeamAccess Access { get; set; } = default!;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private ILogger<ActiveTeamPicker> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && _userId is not null)
        {
            _subscription = ActiveTeam.Subscribe(_userId, _ => InvokeAsync(ReloadAsync));
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task LoadAsync()
    {
        if (_userId is null)
        {
            return;
        }

        try
        {
            var active = await ActiveTeam.GetAsync(_userId);
            _options = (await Access.ListTeamsAsync(_userId)).Select(t => new Option(t.Id, $"{t.Name} ({t.Role})")).ToList();
            _activeId = active.Id;
        }
        catch (InvalidOperationException ex)
        {
            // A sign-in cookie that outlived its account (deleted elsewhere): no teams to show, and no error page.
            Logger.LogWarning(ex, "No active team for user {UserId}.", _userId);
            _options = [];
        }
    }

    private async Task SelectAsync(Guid teamId)
    {
        _activeId = teamId;
        try
        {
            // The subscriptions of this and the user's other pages reload from the saved choice.
            await ActiveTeam.SetAsync(_userId!, teamId);
        }
        catch (InvalidOperationException ex)
        {
            Notifications.Notify(NotificationSeverity.Error, "Could not switch team", ex.Message);
            await LoadAsync();
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private sealed record Option(Guid Id, string Label);
}
