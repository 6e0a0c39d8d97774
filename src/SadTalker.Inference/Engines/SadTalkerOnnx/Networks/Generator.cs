using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>
/// The OcclusionAwareSPADEGenerator in one graph (sadtalker-facts.md §7): source image + source and driving keypoints
/// → frames. It re-encodes the source every frame, as the reference does; <see cref="GeneratorDecoder"/> with
/// <see cref="GeneratorEncoder"/> avoids that.
/// </summary>
public sealed class Generator : IDisposable, IFaceRenderer
{
    private readonly ContractSession _session;

    public Generator(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.Generator, size) ?? throw new InvalidDataException($"The pack contract has no generator for {size}."));
        Size = size;
    }

    public int Size { get; }

    public int MaxBatch => _session.MaxBatch;

    private float[]? _source;

    public void SetSource(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = new float[3 * Size * Size];
        ImageTensor.ToPlanes(source, _source);
    }

    public void Render(ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames) =>
        RendererRun.Render(_session, _source ?? throw new InvalidOperationException("SetSource first."), [3, Size, Size], Size, kpSource, kpDriving, count, frames);

    public void Dispose() => _session.Dispose();
}
