using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// <c>/hubs/jobs</c> for clients outside Blazor: call <c>JoinTeam(teamId)</c> (members only), then receive
/// <c>jobProgress</c>, <c>jobPreview</c> and <c>jobState</c> for that team's jobs.
/// </summary>
[Authorize]
public sealed class JobsHub(TeamAccess teams) : Hub
{
    public const string Path = "/hubs/jobs";

    public static string Group(Guid teamId) => $"team:{teamId:N}";

    public async Task JoinTeam(Guid teamId)
    {
        var userId = Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (await teams.GetRoleAsync(userId, teamId, Context.ConnectionAborted) is null)
        {
            throw new HubException("No such team.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(teamId), Context.ConnectionAborted);
    }

    public Task LeaveTeam(Guid teamId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(teamId));
}

/// <summary>Forwards every <see cref="JobNotifier"/> message to the hub group of its team.</summary>
internal sealed class JobsHubRelay(JobNotifier notifier, IHubContext<JobsHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(null, m => hub.Clients.Group(JobsHub.Group(m.TeamId)).SendAsync(m.Name, Payload(m), CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private static object Payload(JobMessage m) => m switch
    {
        JobProgressMessage p => new { p.JobId, p.State, p.Stage, p.FramesDone, p.FramesTotal, p.Percent, p.EtaSeconds },
        JobPreviewMessage v => new { v.JobId, v.JpegBase64 },
        JobStateMessage s => new { s.JobId, s.State, s.Error },
        _ => new { m.JobId },
    };
}
