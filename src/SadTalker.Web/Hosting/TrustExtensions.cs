using Microsoft.Extensions.Options;
using SadTalker.Inference.Trust;
using SadTalker.Web.Features.Generation.Worker;
using SadTalker.Web.Features.Trust;

namespace SadTalker.Web.Hosting;

public static class TrustExtensions
{
    /// <summary>The installation's signing key (loaded at start), the invisible watermark and signed provenance on every job, and video verification.</summary>
    public static void AddTrust(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var dataDir = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDir(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return ProvenanceKeyStore.LoadOrCreate(KeyFolder(dataDir));
        });
        builder.Services.AddHostedService<ProvenanceKeyCheck>();
        builder.Services.AddSingleton<ModelFileHashes>();
        builder.Services.AddSingleton<IFrameFilterFactory, InvisibleWatermarkFilterFactory>();
        builder.Services.AddSingleton<IOutputFinalizer, ProvenanceFinalizer>();
        builder.Services.AddSingleton<VerifyVideo>();
    }

    public static void MapTrustEndpoints(this WebApplication app) => app.MapTrustApi();

    /// <summary>Where the key lives: {data}/keys/provenance (created 0700, the key file 0600).</summary>
    public static string KeyFolder(string dataDir) => Path.Combine(dataDir, "keys", "provenance");
}
