namespace SadTalker.Web.Features.Consent;

/// <summary>
/// Tells open pages (the Admins' pending count) that consent records were submitted, reviewed or expired. Components
/// subscribe after their first render, marshal with <c>InvokeAsync</c> and dispose the subscription.
/// </summary>
public sealed class ConsentChanges(ILogger<ConsentChanges> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Func<Task>> _subscribers = [];

    public IDisposable Subscribe(Func<Task> onChanged)
    {
        lock (_lock)
        {
            _subscribers.Add(onChanged);
        }

        return new Subscription(this, onChanged);
    }

    public async Task NotifyAsync()
    {
        Func<Task>[] subscribers;
        lock (_lock)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber();
            }
            catch (Exception ex)
            {
                // A broken page must not fail the action that caused the change.
                logger.LogWarning(ex, "A consent change subscriber failed.");
            }
        }
    }

    private sealed class Subscription(ConsentChanges owner, Func<Task> onChanged) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._subscribers.Remove(onChanged);
            }
        }
    }
}
