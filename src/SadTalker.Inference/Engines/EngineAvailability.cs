namespace SadTalker.Inference.Engines;

/// <summary>Whether an engine can run on this installation, and if not, what the administrator should do.</summary>
/// <param name="IsAvailable">True when <see cref="ITalkingHeadEngine.RenderAsync"/> can be called.</param>
/// <param name="Reason">Why it is (un)available, in words for an admin page, e.g. "model file missing: ...".</param>
public sealed record EngineAvailability(bool IsAvailable, string Reason)
{
    public static EngineAvailability Available(string reason) => new(true, reason);

    public static EngineAvailability Unavailable(string reason) => new(false, reason);
}
