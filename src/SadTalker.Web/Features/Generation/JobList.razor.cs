using Microsoft.AspNetCore.Components;
using Radzen;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Generation;

/// <summary>A team's _jobs (or one job) with live progress: state from the database first, then messages from <see cref="JobNotifier"/>.</summary>
public partial class JobList
{
    [Inject]
    private JobNotifier Notifier { get; set; } = default!;

    [Inject]
    private GenerationQueries Queries { get; set; } = default!;

    [Inject]
    private CancelGeneration Cancel { get; set; } = default!;

    [Inject]
    private RetryGeneration Retry { get; set; } = default!;

    [Inject]
    private DeleteGeneration Delete { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid TeamId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Show only this job (the detail page).</summary>
    [Parameter]
    public Guid? JobId { get; set; }

    private IReadOnlyList<GenerationJob> _jobs = [];
    private IDisposable? _subscription;
    private Guid _subscribedTeam;
    private string? _message;

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (_subscribedTeam == TeamId)
        {
            return;
        }

        _subscription?.Dispose();
        _subscribedTeam = TeamId;
        _subscription = Notifier.Subscribe(TeamId, m => InvokeAsync(async () =>
        {
            try
            {
                if (m is JobStateMessage)
                {
                    await LoadAsync();
                }

                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        }));
    }

    private async Task LoadAsync()
    {
        if (JobId is { } id)
        {
            var one = await Queries.JobAsync(UserId, id);
            _jobs = one.Succeeded && one.Value!.Job.TeamId == TeamId ? [one.Value.Job] : [];
            return;
        }

        var result = await Queries.JobsAsync(UserId, TeamId);
        _jobs = result.Succeeded ? result.Value! : [];
    }

    private JobProgressMessage Live(GenerationJob job) =>
        job.State == GenerationJobState.Running && Notifier.LatestProgress(job.Id) is { } live
            ? live
            : new JobProgressMessage(job.Id, job.TeamId, job.State.ToString(), job.Stage, job.FramesDone, job.FramesTotal, job.Percent, null);

    private static BadgeStyle Badge(string state) => state switch
    {
        "Succeeded" => BadgeStyle.Success,
        "Failed" => BadgeStyle.Danger,
        "Cancelled" => BadgeStyle.Secondary,
        "Running" => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    private async Task ActAsync(GenerationJob job, string action)
    {
        _message = null;
        var failure = action switch
        {
            "cancel" => Failure(await Cancel.HandleAsync(UserId, job.Id, null)),
            "retry" => Failure(await Retry.HandleAsync(UserId, job.Id, null)),
            _ => Failure(await Delete.HandleAsync(UserId, job.Id, null)),
        };
        _message = failure;
        await LoadAsync();
    }

    private static string? Failure<T>(LibraryResult<T> result) => result.Succeeded ? null : result.Message;

    public void Dispose() => _subscription?.Dispose();
}
