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
    private readonly RendererRun _run;

    public Generator(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.Generator, size) ?? throw new InvalidDataException($"The pack contract has no generator for {size}."));
        Size = size;
        _run = new RendererRun(_session, [3, size, size], size);
    }

    public int Size { get; }

    public int MaxBatch => _session.MaxBatch;

    public void SetSource(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var planes = new float[3 * Size * Size];
        ImageTensor.ToPlanes(source, planes);
        _run.SetSource(planes);
    }

    public void Render(ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames) =>
        _run.Render(kpSource, kpDriving, count, frames);

    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
