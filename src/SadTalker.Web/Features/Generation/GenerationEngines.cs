using SadTalker.Inference.Engines;

namespace SadTalker.Web.Features.Generation;

/// <summary>The engines registered in DI (<see cref="ITalkingHeadEngine"/>), by id. The SadTalker ONNX engine joins by registering one more.</summary>
public sealed class GenerationEngines(IEnumerable<ITalkingHeadEngine> engines)
{
    public IReadOnlyList<ITalkingHeadEngine> All { get; } = engines.ToList();

    public ITalkingHeadEngine? Find(string id) => All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
