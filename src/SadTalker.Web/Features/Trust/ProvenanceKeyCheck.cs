using SadTalker.Inference.Trust;

namespace SadTalker.Web.Features.Trust;

/// <summary>Loads (or creates) the signing key while the app starts, so a bad key file stops start-up with its reason instead of failing jobs later.</summary>
internal sealed class ProvenanceKeyCheck(IServiceProvider services, ILogger<ProvenanceKeyCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var key = services.GetRequiredService<ProvenanceKey>();
        logger.LogInformation("Provenance signing key {KeyId} loaded.", key.KeyId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
