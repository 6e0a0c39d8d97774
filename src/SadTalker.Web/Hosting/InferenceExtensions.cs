using Microsoft.Extensions.Options;
using SadTalker.Inference.Runtime;

namespace SadTalker.Web.Hosting;

public static class InferenceExtensions
{
    /// <summary>
    /// One <see cref="SessionFactory"/> per process, created at start so <c>Inference:Device=cuda</c> fails loudly.
    /// A registered <see cref="IStageObserver"/> (none by default; tests add one) sees every tensor shape at a stage boundary.
    /// </summary>
    public static void AddInference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(sp => new SessionFactory(
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value.ToSessionFactoryOptions() with { StageObserver = sp.GetService<IStageObserver>() }));
        builder.Services.AddHostedService<InferenceStartup>();
    }

    private sealed class InferenceStartup(IServiceProvider services, ILogger<InferenceStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var info = services.GetRequiredService<SessionFactory>().Describe();
            logger.LogInformation("ONNX Runtime {Version} on {Device}: {Reason}", info.OrtVersion, info.Device, info.Reason);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
