using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Engines.SadTalkerOnnx.Motion;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>MappingNet (sadtalker-facts.md §7): a 27-frame coefficient window → head-pose bins, translation and keypoint deltas.</summary>
/// <remarks>The 70-input file serves crop/extcrop/resize, the 73-input file full/extfull (§1 mode matrix).</remarks>
public sealed class MappingNet : IDisposable
{
    private readonly ContractSession _session;

    public MappingNet(SessionFactory sessions, string packDirectory, PackContract pack, bool fullMode)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var role = fullMode ? ModelRoles.Mapping73 : ModelRoles.Mapping70;
        _session = new ContractSession(sessions, packDirectory, pack.Find(role) ?? throw new InvalidDataException($"The pack contract has no {role}."));
        Channels = FacerenderCoefficients.Channels(fullMode);
    }

    /// <summary>70 or 73.</summary>
    public int Channels { get; }

    /// <summary>Decodes <paramref name="count"/> windows (count × C × 27).</summary>
    public HeadMotion[] Predict(ReadOnlySpan<float> windows, int count)
    {
        var rowLength = Channels * SemanticWindows.Length;
        if (windows.Length != count * rowLength)
        {
            throw new ArgumentException($"MappingNet needs {count} windows of {Channels}x{SemanticWindows.Length}.", nameof(windows));
        }

        var result = new HeadMotion[count];
        foreach (var (start, n) in _session.Batches(count))
        {
            using var input = _session.Tensor(windows.Slice(start * rowLength, n * rowLength), n, Channels, SemanticWindows.Length);
            using var outputs = _session.Run([input]);
            var yaw = outputs[0].GetTensorDataAsSpan<float>();
            var pitch = outputs[1].GetTensorDataAsSpan<float>();
            var roll = outputs[2].GetTensorDataAsSpan<float>();
            var t = outputs[3].GetTensorDataAsSpan<float>();
            var exp = outputs[4].GetTensorDataAsSpan<float>();
            const int bins = HeadPose.Bins;
            for (var i = 0; i < n; i++)
            {
                result[start + i] = new HeadMotion(
                    HeadPose.Degrees(yaw.Slice(i * bins, bins)),
                    HeadPose.Degrees(pitch.Slice(i * bins, bins)),
                    HeadPose.Degrees(roll.Slice(i * bins, bins)),
                    t.Slice(i * 3, 3).ToArray(),
                    exp.Slice(i * 45, 45).ToArray());
            }
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
