namespace SadTalker.Inference.Engines;

/// <summary>
/// Time an engine measured itself for work that runs inside one of its stages (the face enhancer, frame by frame
/// inside frame rendering), so it cannot be timed from stage changes. The pipeline lists it after the stages.
/// </summary>
/// <param name="Name">What was timed, e.g. "Enhancing faces (within rendering)".</param>
/// <param name="Elapsed">The summed time.</param>
public sealed record EngineTiming(string Name, TimeSpan Elapsed);
