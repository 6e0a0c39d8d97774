using Microsoft.ML.OnnxRuntime;

namespace SadTalker.Inference.Runtime;

/// <summary>
/// Creates ONNX Runtime sessions on one device chosen once, at construction, so a misconfigured GPU fails at start
/// (or is reported as a CPU fallback) rather than in the middle of a render.
/// </summary>
/// <remarks>
/// Device resolution: <see cref="InferenceDevice.Cpu"/> uses the CPU. <see cref="InferenceDevice.Auto"/> and
/// <see cref="InferenceDevice.Cuda"/> look for a CUDA GPU: first one built into the core library, then through the
/// plugin library <see cref="SessionFactoryOptions.CudaProviderLibrary"/> (or, when that is null,
/// <c>AppContext.BaseDirectory/libonnxruntime_providers_cuda.so</c> and
/// <c>node_modules/com.github.asus4.onnxruntime.linux-x64-gpu/Plugins/Linux/x64/</c> under the current directory).
/// Auto falls back to the CPU and records why in <see cref="DeviceReason"/>; Cuda throws
/// <see cref="InvalidOperationException"/> with that reason. The instance is immutable afterwards and thread-safe.
/// It holds no native resources of its own (the execution-provider devices belong to the process-wide
/// <see cref="OrtEnv"/>), so it is not disposable; sessions it creates are, and belong to the caller.
/// </remarks>
public sealed class SessionFactory
{
    private readonly IReadOnlyList<OrtEpDevice> _cudaDevices;
    private readonly int _intraOpThreads;

    public SessionFactory(SessionFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads);
        if (!Enum.IsDefined(options.Device))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Device, "Unknown inference device.");
        }

        _intraOpThreads = options.IntraOpThreads;
        StageObserver = options.StageObserver;
        OrtVersion = OrtEnv.Instance().GetVersionString();

        if (options.Device == InferenceDevice.Cpu)
        {
            (_cudaDevices, ActiveDevice, DeviceReason) = ([], InferenceDevice.Cpu, "CPU requested in configuration");
            return;
        }

        var probe = CudaProbe.Probe(options.CudaProviderLibrary);
        if (probe.Succeeded)
        {
            (_cudaDevices, ActiveDevice, DeviceReason) = (probe.Devices, InferenceDevice.Cuda, probe.Reason);
        }
        else if (options.Device == InferenceDevice.Cuda)
        {
            throw new InvalidOperationException(
                $"Inference device 'Cuda' was requested but CUDA cannot be used: {probe.Reason}. " +
                "Set the device to Auto or Cpu, or install the ONNX Runtime CUDA provider and its CUDA 13/cuDNN 9 dependencies.");
        }
        else
        {
            (_cudaDevices, ActiveDevice, DeviceReason) = ([], InferenceDevice.Cpu, $"CPU fallback: {probe.Reason}");
        }
    }

    /// <summary>The configured shape observer, or null (the usual case).</summary>
    public IStageObserver? StageObserver { get; }

    /// <summary>Native ONNX Runtime version string, e.g. <c>1.29.0</c>.</summary>
    public string OrtVersion { get; }

    /// <summary>The device sessions run on: <see cref="InferenceDevice.Cpu"/> or <see cref="InferenceDevice.Cuda"/>.</summary>
    public InferenceDevice ActiveDevice { get; }

    /// <summary>Why <see cref="ActiveDevice"/> was chosen, for logs and the status page.</summary>
    public string DeviceReason { get; }

    public InferenceRuntimeInfo Describe() => new(OrtVersion, ActiveDevice, DeviceReason);

    /// <summary>Loads a model file into a session on the active device. The caller owns the session.</summary>
    public InferenceSession CreateSession(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"ONNX model not found: {modelPath}", modelPath);
        }

        using var options = CreateSessionOptions();
        return new InferenceSession(modelPath, options);
    }

    /// <summary>Loads an in-memory model into a session on the active device. The caller owns the session.</summary>
    public InferenceSession CreateSession(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = CreateSessionOptions();
        return new InferenceSession(model, options);
    }

    // ONNX Runtime copies what it needs from the options when the session is created, so they are disposed at once.
    private SessionOptions CreateSessionOptions()
    {
        var options = new SessionOptions
        {
            // Harmless "Removing initializer" warnings would otherwise flood the console for converted models.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            if (_intraOpThreads > 0)
            {
                options.IntraOpNumThreads = _intraOpThreads;
            }

            if (ActiveDevice == InferenceDevice.Cuda)
            {
                // Nodes the CUDA EP cannot run fall back to the CPU EP, which ONNX Runtime always appends last.
                options.AppendExecutionProvider(OrtEnv.Instance(), _cudaDevices, null);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
