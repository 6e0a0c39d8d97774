namespace SadTalker.Inference.Runtime;

/// <summary>Where ONNX models run.</summary>
public enum InferenceDevice
{
    /// <summary>Use CUDA when its provider library and a GPU are usable, otherwise the CPU.</summary>
    Auto,

    /// <summary>Always the CPU execution provider.</summary>
    Cpu,

    /// <summary>CUDA or nothing: the factory throws at construction when CUDA cannot be used.</summary>
    Cuda,
}
