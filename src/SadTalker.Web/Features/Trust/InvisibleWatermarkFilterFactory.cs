using SadTalker.Inference.Rendering;
using SadTalker.Inference.Trust;
using SadTalker.Web.Features.Generation.Worker;

namespace SadTalker.Web.Features.Trust;

/// <summary>Marks every job's frames, whatever the engine, with the payload derived from the job id.</summary>
internal sealed class InvisibleWatermarkFilterFactory : IFrameFilterFactory
{
    public IEnumerable<IFrameFilter> Create(JobRenderContext context) =>
        [new InvisibleWatermarkFilter(WatermarkPayload.FromJobId(context.JobId))];
}
