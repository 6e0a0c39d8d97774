using Microsoft.Extensions.Options;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Runtime;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Generation.References;
using SadTalker.Web.Features.Generation.Worker;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Hosting;

public static class GenerationExtensions
{
    /// <summary>Engines, the job use cases, the in-process worker, progress (notifier + SignalR hub) and the seams for more filters and output steps.</summary>
    public static void AddGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenerationQueueOptions>()
            .BindConfiguration(GenerationQueueOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<ITalkingHeadEngine>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
            var models = Path.GetFullPath(options.ModelsDir, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new StudioLiteEngine(sp.GetRequiredService<SessionFactory>(), models);
        });
        builder.Services.AddSingleton<ITalkingHeadEngine>(SadTalkerEngineFactory.Create);
        builder.Services.AddSingleton<GenerationEngines>();
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobNotifier>();
        builder.Services.AddSingleton<TeamWatermark>();
        builder.Services.AddSingleton<ReferenceVideoStaging>();
        builder.Services.AddSingleton<UploadReferenceVideo>();
        builder.Services.AddSingleton<SubmitGeneration>();
        builder.Services.AddSingleton<CancelGeneration>();
        builder.Services.AddSingleton<RetryGeneration>();
        builder.Services.AddSingleton<DeleteGeneration>();
        builder.Services.AddSingleton<GenerationQueries>();

        // Seams for the next issue: an invisible watermark filter and a signed-provenance output step register here.
        builder.Services.AddSingleton<IFrameFilterFactory, VisibleWatermarkFilterFactory>();
        builder.Services.AddSingleton<IOutputFinalizer, NoOutputFinalizer>();

        builder.Services.AddSingleton<JobLog>();
        builder.Services.AddSingleton<JobOutcomes>();
        builder.Services.AddScoped<JobRunner>();
        builder.Services.AddHostedService<GenerationWorker>();
        builder.Services.AddSignalR();
        builder.Services.AddHostedService<JobsHubRelay>();
    }

    /// <summary>Library items used by queued or running jobs cannot be deleted.</summary>
    public static void UseGeneration(this WebApplication app)
    {
        var queries = app.Services.GetRequiredService<GenerationQueries>();
        app.Services.GetRequiredService<MediaUsage>().Register(queries.ActiveUseAsync);
    }

    public static void MapGenerationEndpoints(this WebApplication app)
    {
        app.MapHub<JobsHub>(JobsHub.Path);
        app.MapGenerationApi();
    }
}
