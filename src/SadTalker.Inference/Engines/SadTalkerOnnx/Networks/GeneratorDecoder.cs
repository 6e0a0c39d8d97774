using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>The per-frame half of the split generator (sadtalker-facts.md §7): feature volume + keypoints → frames.</summary>
public sealed class GeneratorDecoder : IDisposable
{
    private readonly ContractSession _session;
    private readonly RendererRun _run;

    public GeneratorDecoder(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.GeneratorDecoder, size) ?? throw new InvalidDataException($"The pack contract has no generator decoder for {size}."));
        Size = size;
        _run = new RendererRun(_session, [32, 16, size / 4, size / 4], size);
    }

    public int Size { get; }

    public int MaxBatch => _session.MaxBatch;

    /// <summary>Sets the job's feature volume (the encoder's output), used for every frame.</summary>
    public void SetVolume(float[] volume) => _run.SetSource(volume);

    /// <summary>Renders count frames from the volume (repeated per frame) into S×S RGB24 frames.</summary>
    public void Render(ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames) =>
        _run.Render(kpSource, kpDriving, count, frames);

    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
