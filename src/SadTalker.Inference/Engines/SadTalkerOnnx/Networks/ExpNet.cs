using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>ExpNet (audio2exp, sadtalker-facts.md §5): per frame, mel window + reference expression + blink ratio → 64 expression coefficients.</summary>
public sealed class ExpNet : IDisposable
{
    /// <summary>Frames per run in the reference (memory only; results do not depend on it).</summary>
    public const int ReferenceChunk = 10;

    private readonly ContractSession _session;

    public ExpNet(SessionFactory sessions, string packDirectory, PackContract pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.ExpNet) ?? throw new InvalidDataException("The pack contract has no ExpNet."));
    }

    /// <summary>Predicts T frames: <paramref name="melWindows"/> T×80×16, <paramref name="referenceExp"/> T×64, <paramref name="blink"/> T → <paramref name="destination"/> T×64.</summary>
    public void Predict(ReadOnlySpan<float> melWindows, ReadOnlySpan<float> referenceExp, ReadOnlySpan<float> blink, Span<float> destination)
    {
        var frames = blink.Length;
        if (melWindows.Length != frames * 80 * 16 || referenceExp.Length != frames * 64 || destination.Length < frames * 64)
        {
            throw new ArgumentException($"ExpNet needs {frames} mel windows (80x16), reference rows (64) and a destination of {frames}x64.");
        }

        foreach (var (start, count) in _session.Batches(frames, ReferenceChunk))
        {
            using var mel = _session.Tensor(melWindows.Slice(start * 1280, count * 1280), count, 1, 80, 16);
            using var reference = _session.Tensor(referenceExp.Slice(start * 64, count * 64), count, 64);
            using var ratio = _session.Tensor(blink.Slice(start, count), count, 1);
            using var outputs = _session.Run([mel, reference, ratio]);
            outputs[0].GetTensorDataAsSpan<float>()[..(count * 64)].CopyTo(destination.Slice(start * 64, count * 64));
        }
    }

    public void Dispose() => _session.Dispose();
}
