using System.Collections.Concurrent;

namespace SadTalker.Web.Features.Generation;

/// <summary>What the use cases and the worker share in memory: the wake-up signal and the cancel handles of running jobs.</summary>
public sealed class JobQueue
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Tells the worker a job was queued, so it does not wait for its next poll.</summary>
    public void Wake() => _wake.Release();

    /// <summary>Waits for <see cref="Wake"/> or the timeout; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>Registers a started job; the source is linked to the worker's stopping token.</summary>
    public CancellationTokenSource Track(Guid jobId, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = cts;
        return cts;
    }

    public void Untrack(Guid jobId) => _running.TryRemove(jobId, out _);

    /// <summary>Cancels a running job's render; false when this process is not running it.</summary>
    public bool Cancel(Guid jobId)
    {
        if (!_running.TryGetValue(jobId, out var cts))
        {
            return false;
        }

        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return true;
    }

    public int RunningCount => _running.Count;
}
