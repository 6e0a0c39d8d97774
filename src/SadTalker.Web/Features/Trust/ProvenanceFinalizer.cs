using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Trust;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation.Worker;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Hosting;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Trust;

/// <summary>
/// Signs every finished video: builds the job's <see cref="ProvenanceManifest"/>, embeds the signed record in the MP4
/// (before the worker moves it into the blob store, so the stored hash is that of the signed file), stores the sidecar
/// JSON as a blob and records its hash and the watermark payload on the job row.
/// </summary>
internal sealed class ProvenanceFinalizer(
    IDbContextFactory<AppDbContext> dbFactory, BlobStore blobs, ProvenanceKey key, ModelFileHashes modelHashes,
    IOptions<InferenceOptions> inference, IHostEnvironment env, TimeProvider clock) : IOutputFinalizer
{
    public const string GeneratorName = "SadTalker.Web";

    private static readonly JsonSerializerOptions OptionsJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static string GeneratorVersion { get; } =
        typeof(ProvenanceFinalizer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task FinalizeAsync(JobRenderContext context, string mp4Path, CancellationToken cancellationToken)
    {
        var manifest = await ManifestAsync(context, cancellationToken);
        await ProvenanceSigner.SignAndEmbedAsync(mp4Path, manifest, key, cancellationToken);
        var sidecar = ProvenanceSigner.SidecarPath(mp4Path);
        await blobs.CommitAsync(async () =>
        {
            var stored = await blobs.PutFileAsync(sidecar, CancellationToken.None);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var row = await db.GenerationJobs.FirstAsync(j => j.Id == context.JobId, CancellationToken.None);
            var previous = row.ProvenanceSha256;
            (row.WatermarkPayloadHex, row.ProvenanceSha256) = (manifest.WatermarkPayload, stored.Sha256);
            await db.SaveChangesAsync(CancellationToken.None);

            // A retried job replaces the record of its earlier attempt.
            if (previous is not null && previous != stored.Sha256)
            {
                await BlobReferences.DeleteUnreferencedAsync(db, blobs, [previous], CancellationToken.None);
            }

            return true;
        }, CancellationToken.None);
    }

    private async Task<ProvenanceManifest> ManifestAsync(JobRenderContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var portrait = await db.Portraits.AsNoTracking().Where(p => p.Id == context.PortraitId).Select(p => p.ImageSha256).FirstOrDefaultAsync(ct);
        var audio = await db.AudioClips.AsNoTracking().Where(a => a.Id == context.AudioClipId).Select(a => a.PcmSha256).FirstOrDefaultAsync(ct);
        var consent = context.ConsentRecordId is { } id ? await db.ConsentRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        return new ProvenanceManifest
        {
            GeneratorName = GeneratorName,
            GeneratorVersion = GeneratorVersion,
            EngineId = context.Engine.Id,
            EngineVersion = context.Engine.Version,
            ModelSha256 = await modelHashes.HashAsync(ModelFiles(context.Engine), ct),

            // The blobs the engine was fed (normalised PNG, 16 kHz PCM), so a manifest can be matched against the library.
            PortraitSha256 = portrait ?? throw new InvalidOperationException("The portrait was deleted during the render."),
            AudioSha256 = audio ?? throw new InvalidOperationException("The audio clip was deleted during the render."),
            Options = Options(context),
            Consent = consent is null ? null : new ConsentSnapshot(
                consent.Id.ToString("D"), consent.EffectiveState(now).ToString(),
                Enum.GetValues<PermittedUse>().Where(u => u != 0 && consent.Uses.HasFlag(u)).Select(u => u.ToString()).ToList()),
            TeamId = context.TeamId.ToString("D"),
            JobId = context.JobId.ToString("D"),
            CreatedUtc = now,
            WatermarkPayload = WatermarkPayload.FromJobId(context.JobId).Hex,
        };
    }

    private IEnumerable<string> ModelFiles(ITalkingHeadEngine engine)
    {
        var models = Path.GetFullPath(inference.Value.ModelsDir, env.ContentRootPath);

        return engine switch
        {
            StudioLiteEngine => [Path.Combine(models, StudioLiteEngine.FaceModel)],
            SadTalkerEngine sadTalker => sadTalker.PresentModelFiles(),
            _ => [],
        };
    }

    /// <summary>The job settings as invariant strings under camelCase names, as the CLI writes them (the manifest holds only strings).</summary>
    private static SortedDictionary<string, string> Options(JobRenderContext context)
    {
        var node = JsonSerializer.SerializeToNode(context.Settings, OptionsJson) as JsonObject ?? [];
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in node)
        {
            options[name] = value?.ToString() ?? "none";
        }

        return options;
    }
}
