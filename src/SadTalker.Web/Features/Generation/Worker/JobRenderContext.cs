using SadTalker.Inference.Engines;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>What filters and finalizers may know about the job they work for.</summary>
/// <param name="ConsentRecordId">The consent record the worker relied on at start.</param>
public sealed record JobRenderContext(
    Guid JobId, Guid TeamId, string CreatedByUserId, Guid PortraitId, Guid AudioClipId, Guid? ConsentRecordId,
    JobSettings Settings, ITalkingHeadEngine Engine, DateTime StartedUtc);
