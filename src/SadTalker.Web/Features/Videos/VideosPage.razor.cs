using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Videos;

/// <summary>The active team's videos: filters, player and download; revoked-consent videos are marked and playable by Admins only.</summary>
public partial class VideosPage : IDisposable
{
    [Inject]
    private ActiveTeam ActiveTeam { get; set; } = default!;

    [Inject]
    private GenerationQueries Queries { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "job")]
    private Guid? Job { get; set; }

    private string _userId = "";
    private bool _isAdmin;
    private TeamSummary? _team;
    private IReadOnlyList<GenerationQueries.PortraitChoice> _portraits = [];
    private IReadOnlyList<GenerationQueries.Video> _videos = [];
    private string _portraitFilter = "";
    private DateTime? _from, _to;
    private Guid? _playing;
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        _isAdmin = user.IsInRole(Data.Roles.Admin);
        _playing = Job;
        await LoadTeamAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = ActiveTeam.Subscribe(_userId, _ => InvokeAsync(async () =>
            {
                await LoadTeamAsync();
                StateHasChanged();
            }));
        }
    }

    private async Task LoadTeamAsync()
    {
        _team = await ActiveTeam.GetAsync(_userId);
        _portraits = (await Queries.ChoicesAsync(_userId, _team.Id)).Portraits;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var portrait = Guid.TryParse(_portraitFilter, out var p) ? p : (Guid?)null;
        var result = await Queries.VideosAsync(_userId, _team!.Id, portrait, _from, _to?.AddDays(1));
        _videos = result.Succeeded ? result.Value! : [];
    }

    private Task OnPortraitAsync(ChangeEventArgs e)
    {
        _portraitFilter = e.Value as string ?? "";
        return LoadAsync();
    }

    private Task OnFromAsync(ChangeEventArgs e)
    {
        _from = ParseDate(e);
        return LoadAsync();
    }

    private Task OnToAsync(ChangeEventArgs e)
    {
        _to = ParseDate(e);
        return LoadAsync();
    }

    private static DateTime? ParseDate(ChangeEventArgs e) =>
        DateTime.TryParse(e.Value as string, System.Globalization.CultureInfo.InvariantCulture, out var d) ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;

    public void Dispose() => _subscription?.Dispose();
}
