using System.ComponentModel.DataAnnotations;
using SadTalker.Inference.Runtime;

namespace SadTalker.Web.Hosting;

/// <summary>Bound from the <c>Inference</c> section.</summary>
public sealed class InferenceOptions
{
    public const string Section = "Inference";

    /// <summary><c>auto</c> tries CUDA and falls back to the CPU; <c>cuda</c> fails start-up when CUDA is unusable.</summary>
    [Required]
    [AllowedValues("auto", "cpu", "cuda", ErrorMessage = "Inference:Device must be 'auto', 'cpu' or 'cuda'.")]
    public string Device { get; set; } = "auto";

    /// <summary>Threads per ONNX Runtime session; 0 = one per core.</summary>
    [Range(0, 256, ErrorMessage = "Inference:IntraOpThreads must be between 0 (runtime default) and 256.")]
    public int IntraOpThreads { get; set; }

    /// <summary>Full path of libonnxruntime_providers_cuda.so; empty = look next to the app and under node_modules.</summary>
    public string? CudaProviderLibrary { get; set; }

    /// <summary>Folder holding model files (BlazeFace, the SadTalker pack); relative to the content root.</summary>
    [Required(ErrorMessage = "Inference:ModelsDir is required.")]
    public string ModelsDir { get; set; } = "models";

    /// <summary>Folder of the SadTalker model pack; empty = <c>sadtalker/</c> under <see cref="ModelsDir"/>. Relative to the content root.</summary>
    public string? SadTalkerPackDir { get; set; }

    public SessionFactoryOptions ToSessionFactoryOptions() => new()
    {
        Device = Enum.Parse<InferenceDevice>(Device, ignoreCase: true),
        IntraOpThreads = IntraOpThreads,
        CudaProviderLibrary = string.IsNullOrWhiteSpace(CudaProviderLibrary) ? null : CudaProviderLibrary,
    };
}
