using SadTalker.Inference.Rendering;

namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>
/// Makes the per-frame filters of one job (fresh instances: filters keep per-render state). All registered factories
/// run in registration order; the visible watermark is one, an invisible watermark can be another.
/// </summary>
public interface IFrameFilterFactory
{
    IEnumerable<IFrameFilter> Create(JobRenderContext context);
}

/// <summary>The job's visible watermark text in its corner; nothing when the text is empty.</summary>
internal sealed class VisibleWatermarkFilterFactory : IFrameFilterFactory
{
    public IEnumerable<IFrameFilter> Create(JobRenderContext context) =>
        string.IsNullOrWhiteSpace(context.Settings.WatermarkText)
            ? []
            : [new VisibleWatermarkFilter(context.Settings.WatermarkText, context.Settings.WatermarkPosition)];
}
