using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>KPDetector (sadtalker-facts.md §7): the source image → 15 canonical 3-D keypoints; run once per job.</summary>
public sealed class KeypointDetector : IDisposable
{
    private readonly ContractSession _session;

    public KeypointDetector(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.KeypointDetector, size) ?? throw new InvalidDataException($"The pack contract has no keypoint detector for {size}."));
        Size = size;
    }

    public int Size { get; }

    /// <summary>kc, 15×3, for a Size×Size RGB source.</summary>
    public float[] Detect(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var planes = new float[3 * Size * Size];
        ImageTensor.ToPlanes(source, planes);
        using var input = _session.Tensor(planes, 1, 3, Size, Size);
        using var outputs = _session.Run([input]);
        return outputs[0].GetTensorDataAsSpan<float>()[..45].ToArray();
    }

    public void Dispose() => _session.Dispose();
}
