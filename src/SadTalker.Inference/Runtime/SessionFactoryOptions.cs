namespace SadTalker.Inference.Runtime;

/// <summary>How <see cref="SessionFactory"/> picks a device and configures sessions.</summary>
public sealed record SessionFactoryOptions
{
    /// <summary>File name of the CUDA plugin execution provider shipped by the GPU build of ONNX Runtime.</summary>
    public const string CudaProviderFileName = "libonnxruntime_providers_cuda.so";

    /// <summary>Requested device; <see cref="InferenceDevice.Auto"/> falls back to the CPU with a recorded reason.</summary>
    public InferenceDevice Device { get; init; } = InferenceDevice.Auto;

    /// <summary>Threads per session for intra-op parallelism; 0 leaves ONNX Runtime's default (one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// Full path of <c>libonnxruntime_providers_cuda.so</c>. When null the factory looks next to the application
    /// and under the npm GPU package in the current directory (see <see cref="SessionFactory"/>).
    /// </summary>
    public string? CudaProviderLibrary { get; init; }

    /// <summary>Optional observer of tensor shapes at stage boundaries (diagnostics; see <see cref="IStageObserver"/>).</summary>
    public IStageObserver? StageObserver { get; init; }
}
