using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>Deep3DFaceRecon ResNet-50 (sadtalker-facts.md §3): an aligned 224² face → 257 3DMM coefficients.</summary>
public sealed class FaceRecon : IDisposable
{
    public const int CoefficientCount = 257;

    private readonly ContractSession _session;

    public FaceRecon(SessionFactory sessions, string packDirectory, PackContract pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.FaceRecon) ?? throw new InvalidDataException("The pack contract has no face reconstruction model."));
    }

    /// <summary>The 257 coefficients of one 224×224 RGB face (RGB/255, no mean/std).</summary>
    public float[] Predict(RgbImage aligned)
    {
        ArgumentNullException.ThrowIfNull(aligned);
        if (aligned.Width != 224 || aligned.Height != 224)
        {
            throw new ArgumentException($"The face must be 224x224; got {aligned.Width}x{aligned.Height}.", nameof(aligned));
        }

        var planes = new float[3 * 224 * 224];
        ImageTensor.ToPlanes(aligned, planes);
        using var input = _session.Tensor(planes, 1, 3, 224, 224);
        using var outputs = _session.Run([input]);
        return outputs[0].GetTensorDataAsSpan<float>()[..CoefficientCount].ToArray();
    }

    /// <summary>
    /// The kept 73-vector (§3): [exp 80–143 | angle 224–226 | trans 254–256 | s', t_x, t_y].
    /// </summary>
    public static float[] KeptCoefficients(ReadOnlySpan<float> full, float scale, float translationX, float translationY)
    {
        var kept = new float[73];
        full.Slice(80, 64).CopyTo(kept);
        full.Slice(224, 3).CopyTo(kept.AsSpan(64));
        full.Slice(254, 3).CopyTo(kept.AsSpan(67));
        (kept[70], kept[71], kept[72]) = (scale, translationX, translationY);
        return kept;
    }

    public void Dispose() => _session.Dispose();
}
