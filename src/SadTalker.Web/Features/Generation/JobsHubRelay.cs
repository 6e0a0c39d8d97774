using Microsoft.AspNetCore.SignalR;

namespace SadTalker.Web.Features.Generation;

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
