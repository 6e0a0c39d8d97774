namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>One renderer run shared by the one-graph generator and the split decoder: the per-job input repeated per frame, keypoints, frames out.</summary>
internal static class RendererRun
{
    /// <param name="session">Generator or decoder session; inputs (source, kp_source, kp_driving), output prediction.</param>
    /// <param name="source">The per-job first input (image planes or feature volume), repeated for each of the <paramref name="count"/> frames.</param>
    /// <param name="sourceShape">Shape of one <paramref name="source"/> item.</param>
    public static void Render(
        ContractSession session, float[] source, long[] sourceShape, int size, ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames)
    {
        var sources = new float[count * source.Length];
        var sourceKps = new float[count * 45];
        for (var i = 0; i < count; i++)
        {
            source.CopyTo(sources, i * source.Length);
            kpSource.CopyTo(sourceKps.AsSpan(i * 45));
        }

        using var first = session.Tensor(sources, count, sourceShape);
        using var kpS = session.Tensor(sourceKps, count, 15, 3);
        using var kpD = session.Tensor(kpDriving[..(count * 45)], count, 15, 3);
        using var outputs = session.Run([first, kpS, kpD]);
        var prediction = outputs[0].GetTensorDataAsSpan<float>();
        var plane = 3 * size * size;
        for (var i = 0; i < count; i++)
        {
            ImageTensor.FromPlanes(prediction.Slice(i * plane, plane), size, size, frames.Slice(i * plane, plane));
        }
    }
}
