using System.Collections.Concurrent;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// In-process fan-out of <see cref="JobMessage"/>s: pages subscribe per team (disposable), the hub relay subscribes
/// to everything. Also keeps each running job's latest progress and preview so a page opened mid-job shows them at once.
/// </summary>
public sealed class JobNotifier(ILogger<JobNotifier> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];
    private readonly ConcurrentDictionary<Guid, JobProgressMessage> _progress = new();
    private readonly ConcurrentDictionary<Guid, JobPreviewMessage> _previews = new();

    /// <summary>Calls <paramref name="handler"/> for messages of <paramref name="teamId"/> (null: every team) until disposed.</summary>
    public IDisposable Subscribe(Guid? teamId, Func<JobMessage, Task> handler)
    {
        var subscription = new Subscription(this, teamId, handler);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public JobProgressMessage? LatestProgress(Guid jobId) => _progress.GetValueOrDefault(jobId);

    public JobPreviewMessage? LatestPreview(Guid jobId) => _previews.GetValueOrDefault(jobId);

    public async Task PublishAsync(JobMessage message)
    {
        switch (message)
        {
            case JobProgressMessage p:
                _progress[p.JobId] = p;
                break;
            case JobPreviewMessage v:
                _previews[v.JobId] = v;
                break;
            case JobStateMessage s when s.State != nameof(Data.GenerationJobState.Running):
                _progress.TryRemove(s.JobId, out _);
                _previews.TryRemove(s.JobId, out _);
                break;
        }

        Subscription[] targets;
        lock (_lock)
        {
            targets = _subscriptions.Where(s => s.TeamId is null || s.TeamId == message.TeamId).ToArray();
        }

        foreach (var target in targets)
        {
            try
            {
                await target.Handler(message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A closed page must not break the worker.
                logger.LogDebug(ex, "A job subscriber failed on {Message}.", message.Name);
            }
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription(JobNotifier owner, Guid? teamId, Func<JobMessage, Task> handler) : IDisposable
    {
        public Guid? TeamId => teamId;

        public Func<JobMessage, Task> Handler => handler;

        public void Dispose() => owner.Unsubscribe(this);
    }
}
