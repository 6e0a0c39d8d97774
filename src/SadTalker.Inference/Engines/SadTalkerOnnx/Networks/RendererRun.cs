using Microsoft.ML.OnnxRuntime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>
/// Renderer runs shared by the one-graph generator and the split decoder: the per-job first input (image planes or
/// feature volume) and the source keypoints repeated per frame, driving keypoints in, frames out.
/// </summary>
/// <remarks>
/// The repeated inputs are the same for every step of a job, so their tensors are filled once per batch size and
/// reused; the driving keypoints and the prediction live in tensors owned here too. A render therefore allocates
/// nothing per step, managed or native: a new 16 MiB volume tensor per step (256 px, batch 2) made glibc keep freed
/// blocks in its heaps and the peak resident set grow with the clip length (benchmark: 10 s vs 10 min audio).
/// </remarks>
internal sealed class RendererRun(ContractSession session, long[] sourceShape, int size) : IDisposable
{
    private const int KeypointValues = 15 * 3;

    private readonly Dictionary<int, Tensors> _byCount = [];
    private readonly float[] _kpSource = new float[KeypointValues];
    private float[]? _source;

    /// <summary>Sets the per-job first input (one item of <c>sourceShape</c>); tensors built for an earlier source are dropped.</summary>
    public void SetSource(float[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        Clear();
    }

    public void Render(ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames)
    {
        var source = _source ?? throw new InvalidOperationException("SetSource first.");
        if (!kpSource[..KeypointValues].SequenceEqual(_kpSource))
        {
            kpSource[..KeypointValues].CopyTo(_kpSource);
            Clear();
        }

        if (!_byCount.TryGetValue(count, out var tensors))
        {
            tensors = Create(source, count);
            _byCount[count] = tensors;
        }

        ContractSession.Fill(tensors.KpDriving, kpDriving[..(count * KeypointValues)], count);
        session.RunInto([tensors.Source, tensors.KpSource, tensors.KpDriving], tensors.Prediction);
        var prediction = tensors.Prediction.GetTensorDataAsSpan<float>();
        var plane = 3 * size * size;
        for (var i = 0; i < count; i++)
        {
            ImageTensor.FromPlanes(prediction.Slice(i * plane, plane), size, size, frames.Slice(i * plane, plane));
        }
    }

    public void Dispose() => Clear();

    private Tensors Create(float[] source, int count)
    {
        var batch = session.FixedBatch ? session.MaxBatch : count;
        var tensors = new Tensors(session.Empty(count, sourceShape), session.Empty(count, 15, 3), session.Empty(count, 15, 3), session.Empty(count, 3, size, size));
        var sources = tensors.Source.GetTensorMutableDataAsSpan<float>();
        var kps = tensors.KpSource.GetTensorMutableDataAsSpan<float>();
        for (var i = 0; i < batch; i++)
        {
            source.CopyTo(sources[(i * source.Length)..]);
            _kpSource.CopyTo(kps[(i * KeypointValues)..]);
        }

        return tensors;
    }

    private void Clear()
    {
        foreach (var tensors in _byCount.Values)
        {
            tensors.Dispose();
        }

        _byCount.Clear();
    }

    private sealed record Tensors(OrtValue Source, OrtValue KpSource, OrtValue KpDriving, OrtValue Prediction) : IDisposable
    {
        public void Dispose()
        {
            Source.Dispose();
            KpSource.Dispose();
            KpDriving.Dispose();
            Prediction.Dispose();
        }
    }
}
