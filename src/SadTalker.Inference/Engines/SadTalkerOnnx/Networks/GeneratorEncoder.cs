using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>The source half of the split generator (sadtalker-facts.md §7, "depends only on the source"): image → feature volume (32,16,S/4,S/4).</summary>
public sealed class GeneratorEncoder : IDisposable
{
    private readonly ContractSession _session;

    public GeneratorEncoder(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.GeneratorEncoder, size) ?? throw new InvalidDataException($"The pack contract has no generator encoder for {size}."));
        Size = size;
    }

    public int Size { get; }

    /// <summary>Floats in one feature volume: 32·16·(S/4)².</summary>
    public int VolumeLength => 32 * 16 * (Size / 4) * (Size / 4);

    public float[] Encode(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var planes = new float[3 * Size * Size];
        ImageTensor.ToPlanes(source, planes);
        using var input = _session.Tensor(planes, 1, 3, Size, Size);
        using var outputs = _session.Run([input]);
        return outputs[0].GetTensorDataAsSpan<float>()[..VolumeLength].ToArray();
    }

    public void Dispose() => _session.Dispose();
}
