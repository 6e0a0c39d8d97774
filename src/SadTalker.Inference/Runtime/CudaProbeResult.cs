using Microsoft.ML.OnnxRuntime;

namespace SadTalker.Inference.Runtime;

/// <summary>The outcome of looking for a usable CUDA device; <see cref="Devices"/> is empty when there is none.</summary>
internal sealed record CudaProbeResult(IReadOnlyList<OrtEpDevice> Devices, string Reason)
{
    public bool Succeeded => Devices.Count > 0;
}
