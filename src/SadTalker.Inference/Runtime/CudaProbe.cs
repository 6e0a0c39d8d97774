using Microsoft.ML.OnnxRuntime;

namespace SadTalker.Inference.Runtime;

/// <summary>
/// Finds a CUDA GPU through ONNX Runtime's plugin execution-provider API. The core library in this repository is
/// a CPU-only build, so CUDA arrives as a separately registered <c>libonnxruntime_providers_cuda.so</c>; the legacy
/// <c>AppendExecutionProvider_CUDA</c> entry points throw <see cref="EntryPointNotFoundException"/> there.
/// </summary>
internal static class CudaProbe
{
    internal const string EpName = "CUDAExecutionProvider";

    // The npm package that carries the GPU provider libraries (see docs/onnxruntime.md).
    private const string NpmGpuPackageDir = "node_modules/com.github.asus4.onnxruntime.linux-x64-gpu/Plugins/Linux/x64";

    // Registration is process-wide on the OrtEnv singleton and a name may be registered only once,
    // so remember what this process registered (full path -> registration name).
    private static readonly Lock RegistrationLock = new();
    private static readonly Dictionary<string, string> Registered = new(StringComparer.Ordinal);

    /// <summary>Where to look for the provider library: the configured path only, or the conventional places.</summary>
    internal static IReadOnlyList<string> CandidatePaths(string? configured) =>
        configured is not null
            ? [Path.GetFullPath(configured)]
            :
            [
                Path.Combine(AppContext.BaseDirectory, SessionFactoryOptions.CudaProviderFileName),
                Path.GetFullPath(Path.Combine(NpmGpuPackageDir, SessionFactoryOptions.CudaProviderFileName)),
            ];

    internal static CudaProbeResult Probe(string? configuredLibrary)
    {
        var env = OrtEnv.Instance();

        // A CUDA-enabled core library (e.g. the onnxruntime-node build) lists the EP without any registration.
        var builtIn = TryFindGpuDevices(env, out _);
        if (builtIn.Count > 0)
        {
            return new(builtIn, $"CUDA EP built into ONNX Runtime on {Describe(builtIn[0])}");
        }

        var candidates = CandidatePaths(configuredLibrary);
        var library = candidates.FirstOrDefault(File.Exists);
        if (library is null)
        {
            return Failed($"CUDA provider library not found at {string.Join(" or ", candidates)}");
        }

        try
        {
            Register(env, library);
        }
        catch (Exception ex)
        {
            // CPU-only builds and missing CUDA/cuDNN dependencies surface as different exception types.
            return Failed($"CUDA EP registration failed for {library}: {ex.GetType().Name}: {ex.Message}");
        }

        var devices = TryFindGpuDevices(env, out var error);
        return devices.Count > 0
            ? new(devices, $"CUDA EP from {library} on {Describe(devices[0])}")
            : Failed(error is null
                ? $"no GPU device reported by the CUDA EP loaded from {library}"
                : $"listing CUDA EP devices failed: {error}");
    }

    private static void Register(OrtEnv env, string library)
    {
        lock (RegistrationLock)
        {
            if (Registered.ContainsKey(library))
            {
                return;
            }

            var name = Registered.Count == 0 ? "cuda" : $"cuda{Registered.Count}";
            env.RegisterExecutionProviderLibrary(name, library);
            Registered.Add(library, name);
        }
    }

    private static List<OrtEpDevice> TryFindGpuDevices(OrtEnv env, out string? error)
    {
        error = null;
        try
        {
            // Only the first GPU: sessions are small and one device keeps memory use predictable.
            return env.GetEpDevices()
                .Where(d => d.EpName == EpName && d.HardwareDevice.Type == OrtHardwareDeviceType.GPU)
                .Take(1)
                .ToList();
        }
        catch (Exception ex)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            return [];
        }
    }

    private static string Describe(OrtEpDevice device) =>
        $"GPU {device.HardwareDevice.Vendor} (vendor 0x{device.HardwareDevice.VendorId:x4}, device 0x{device.HardwareDevice.DeviceId:x4})";

    private static CudaProbeResult Failed(string reason) => new([], reason);
}
