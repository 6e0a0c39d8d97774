namespace SadTalker.Cli;

/// <summary>
/// Runs a gen0 collection once every <see cref="Budget"/> bytes of allocation while a render runs, so short-lived
/// garbage cannot pile up in fresh memory.
/// </summary>
/// <remarks>
/// The GC sizes its gen0 budget from the CPU's last-level cache; on a VM reporting a 300 MB L3 that budget is over
/// 100 MB, so the ~560 bytes per frame that the encoder's pipe writes allocate were never collected and peak RSS grew
/// with the video length (+9 MiB at 10 minutes, +24 MiB at 30). The budget can be set with the DOTNET_GCgen0size
/// environment variable but not from runtimeconfig.json, so the host paces it instead. Where the GC's own budget is
/// smaller (most desktops) this never fires. A gen0 collection of this heap takes well under a millisecond.
/// </remarks>
internal sealed class GarbagePacer : IDisposable
{
    /// <summary>Allocation between paced collections.</summary>
    public const long Budget = 4L * 1024 * 1024;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Timer _timer;
    private long _lastCount = GC.CollectionCount(0);
    private long _lastAllocated = GC.GetTotalAllocatedBytes();

    public GarbagePacer()
    {
        _timer = new Timer(_ => Tick(), null, Interval, Interval);
    }

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var count = GC.CollectionCount(0);
        if (count != _lastCount)
        {
            // The GC collected on its own since the last look: start counting from here.
            (_lastCount, _lastAllocated) = (count, allocated);
        }
        else if (allocated - _lastAllocated >= Budget)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: false);
            (_lastCount, _lastAllocated) = (GC.CollectionCount(0), allocated);
        }
    }
}
