using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>PoseVAE decoder with its audio encoder (sadtalker-facts.md §6): one 32-frame chunk → pose motion relative to the reference.</summary>
public sealed class PoseVae : IDisposable
{
    private readonly ContractSession _session;

    public PoseVae(SessionFactory sessions, string packDirectory, PackContract pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.PoseVae) ?? throw new InvalidDataException("The pack contract has no PoseVAE."));
    }

    /// <summary>One chunk: mel windows 32×80×16, reference pose 6, noise z 64, style 0..45 → motion 32×6.</summary>
    public void Predict(ReadOnlySpan<float> melWindows, ReadOnlySpan<float> referencePose, ReadOnlySpan<float> z, int style, Span<float> motion)
    {
        const int seq = 32;
        if (melWindows.Length != seq * 1280 || referencePose.Length != 6 || z.Length != 64 || motion.Length < seq * 6)
        {
            throw new ArgumentException("PoseVAE needs 32 mel windows (80x16), a 6-value pose, 64 noise values and room for 32x6.");
        }

        using var mel = _session.Tensor(melWindows, 1, seq, 1, 80, 16);
        using var pose = _session.Tensor(referencePose, 1, 6);
        using var noise = _session.Tensor(z, 1, 64);
        using var styleValue = _session.Int64Rows(style, 1);
        using var outputs = _session.Run([mel, pose, noise, styleValue]);
        outputs[0].GetTensorDataAsSpan<float>()[..(seq * 6)].CopyTo(motion);
    }

    public void Dispose() => _session.Dispose();
}
