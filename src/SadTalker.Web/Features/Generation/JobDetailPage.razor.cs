using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Generation;

/// <summary>One job: its facts, reference videos, the video once done, and the job log (reloaded when the job's state changes).</summary>
public partial class JobDetailPage : IDisposable
{
    [Inject]
    private GenerationQueries Queries { get; set; } = default!;

    [Inject]
    private TeamAccess Teams { get; set; } = default!;

    [Inject]
    private JobNotifier Notifier { get; set; } = default!;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    private GenerationJob? _job;
    private IReadOnlyList<JobLogLine> _log = [];
    private bool _revoked;
    private string _userId = "";
    private TeamRole? _role;
    private IDisposable? _subscription;

    protected override async Task OnParametersSetAsync()
    {
        _userId = (await AuthState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await LoadAsync();
        _role = _job is null ? null : await Teams.GetRoleAsync(_userId, _job.TeamId);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_subscription is not null || _job is null)
        {
            return;
        }

        _subscription = Notifier.Subscribe(_job.TeamId, m => m is JobStateMessage && m.JobId == Id
            ? InvokeAsync(async () =>
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
            })
            : Task.CompletedTask);
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        var result = await Queries.JobAsync(_userId, Id);
        (_job, _revoked) = result.Succeeded ? (result.Value!.Job, result.Value.ConsentRevoked) : (null, false);
        _log = JobLog.Parse(_job?.LogJson);
    }

    private static string Seconds(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "duration unknown";
}
