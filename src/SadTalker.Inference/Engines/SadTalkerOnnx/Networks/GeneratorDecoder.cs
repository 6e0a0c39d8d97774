using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>The per-frame half of the split generator (sadtalker-facts.md §7): feature volume + keypoints → frames.</summary>
public sealed class GeneratorDecoder : IDisposable
{
    private readonly ContractSession _session;

    public GeneratorDecoder(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.GeneratorDecoder, size) ?? throw new InvalidDataException($"The pack contract has no generator decoder for {size}."));
        Size = size;
    }

    public int Size { get; }

    public int MaxBatch => _session.MaxBatch;

    /// <summary>Renders count frames from one volume (repeated per frame) into S×S RGB24 frames.</summary>
    public void Render(float[] volume, ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames)
    {
        ArgumentNullException.ThrowIfNull(volume);
        RendererRun.Render(_session, volume, [32, 16, Size / 4, Size / 4], Size, kpSource, kpDriving, count, frames);
    }

    public void Dispose() => _session.Dispose();
}
