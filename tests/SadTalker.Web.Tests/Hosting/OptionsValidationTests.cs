using Microsoft.Extensions.Options;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Inference:Device", "gpu", "Inference:Device must be 'auto', 'cpu' or 'cuda'.")]
    [InlineData("Inference:IntraOpThreads", "-1", "Inference:IntraOpThreads must be between 0")]
    [InlineData("Registration:Mode", "closed", "Registration:Mode must be 'open' or 'invite-only'.")]
    public void StartUp_FailsWithClearMessage_OnBadValue(string key, string value, string expected)
    {
        using var factory = new AppFactory().With(key, value);
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = ex as OptionsValidationException ?? ex.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(expected, validation.Message);
    }

    [Fact]
    public void StartUp_FailsLoudly_WhenCudaIsRequiredButUnavailable()
    {
        using var factory = new AppFactory()
            .With("Inference:Device", "cuda")
            .With("Inference:CudaProviderLibrary", "/nonexistent/libonnxruntime_providers_cuda.so");
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var message = ex.ToString();
        Assert.Contains("CUDA cannot be used", message);
        Assert.Contains("/nonexistent/libonnxruntime_providers_cuda.so", message);
    }
}
