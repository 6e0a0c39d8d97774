using SadTalker.Inference.Runtime;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Runtime;

public sealed class SessionFactoryTests(ITestOutputHelper output)
{
    private const string MissingLibrary = "/nonexistent/sadtalker/libonnxruntime_providers_cuda.so";

    [Fact]
    public void Cpu_ReportsCpuAndOrtVersion()
    {
        var factory = new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu });

        Assert.Equal(InferenceDevice.Cpu, factory.ActiveDevice);
        Assert.StartsWith("1.29", factory.OrtVersion, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(factory.DeviceReason));
        Assert.Equal(new InferenceRuntimeInfo(factory.OrtVersion, InferenceDevice.Cpu, factory.DeviceReason), factory.Describe());
    }

    [Fact]
    public void Auto_FallsBackToCpu_WhenCudaLibraryMissing()
    {
        var factory = new SessionFactory(new SessionFactoryOptions
        {
            Device = InferenceDevice.Auto,
            CudaProviderLibrary = MissingLibrary,
        });

        output.WriteLine(factory.DeviceReason);
        Assert.Equal(InferenceDevice.Cpu, factory.ActiveDevice);
        Assert.Contains("not found", factory.DeviceReason, StringComparison.Ordinal);
        Assert.Contains(MissingLibrary, factory.DeviceReason, StringComparison.Ordinal);
        Assert.Equal(InferenceDevice.Cpu, factory.Describe().Device);
    }

    [Fact]
    public void Auto_FallsBackToCpu_WhenCudaLibraryIsNotALibrary()
    {
        // A file that exists but cannot be loaded stands in for a provider whose CUDA/cuDNN dependencies are missing.
        using var temp = new TempDirectory();
        var bogus = temp.File("libonnxruntime_providers_cuda.so");
        File.WriteAllText(bogus, "not an ELF shared object");

        var factory = new SessionFactory(new SessionFactoryOptions { CudaProviderLibrary = bogus });

        output.WriteLine(factory.DeviceReason);
        Assert.Equal(InferenceDevice.Cpu, factory.ActiveDevice);
        Assert.Contains("registration failed", factory.DeviceReason, StringComparison.Ordinal);
        Assert.Contains(bogus, factory.DeviceReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_Throws_WhenCudaLibraryMissing()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SessionFactory(new SessionFactoryOptions
        {
            Device = InferenceDevice.Cuda,
            CudaProviderLibrary = MissingLibrary,
        }));

        output.WriteLine(ex.Message);
        Assert.Contains("Cuda", ex.Message, StringComparison.Ordinal);
        Assert.Contains(MissingLibrary, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CandidatePaths_WithoutConfiguration_LookBesideAppAndInNpmGpuPackage()
    {
        var paths = CudaProbe.CandidatePaths(null);

        Assert.Contains(Path.Combine(AppContext.BaseDirectory, SessionFactoryOptions.CudaProviderFileName), paths);
        Assert.Contains(paths, p => p.EndsWith(
            "node_modules/com.github.asus4.onnxruntime.linux-x64-gpu/Plugins/Linux/x64/libonnxruntime_providers_cuda.so",
            StringComparison.Ordinal));
        Assert.All(paths, p => Assert.True(Path.IsPathRooted(p)));
    }

    [Fact]
    public void Constructor_RejectsNegativeThreadCount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu, IntraOpThreads = -1 }));
    }

    [Fact]
    public void CreateSession_MissingFile_ThrowsFileNotFound()
    {
        var factory = new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu });

        var ex = Assert.Throws<FileNotFoundException>(() => factory.CreateSession("/nonexistent/model.onnx"));
        Assert.Contains("/nonexistent/model.onnx", ex.Message, StringComparison.Ordinal);
    }
}
