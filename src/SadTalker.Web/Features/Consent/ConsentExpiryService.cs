namespace SadTalker.Web.Features.Consent;

/// <summary>Runs <see cref="ExpireConsent"/> at start and then every minute (on the app's <see cref="TimeProvider"/>).</summary>
public sealed class ConsentExpiryService(ExpireConsent expire, ConsentChanges changes, TimeProvider clock, ILogger<ConsentExpiryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var expired = await expire.RunAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} consent records past their valid-until date.", expired);
                    await changes.NotifyAsync();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked or briefly unavailable database must not stop the loop: the next tick tries again.
                logger.LogWarning(ex, "Expiring consent records failed; retrying in {Interval}.", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
