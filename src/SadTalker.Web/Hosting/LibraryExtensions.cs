using Microsoft.Extensions.Options;
using SadTalker.Inference.Faces;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Runtime;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Hosting;

public static class LibraryExtensions
{
    /// <summary>Relative to <see cref="InferenceOptions.ModelsDir"/>; fetched by scripts/fetch-models.sh (models/manifest.json).</summary>
    public const string FaceDetectorModel = "blazeface/face_detection_front_128x128_barracuda.onnx";

    /// <summary>The shared media library: blob store, intake (sniffing, limits, face check, audio decode) and its use cases.</summary>
    public static void AddLibrary(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BlobStore>();
        builder.Services.AddSingleton(new IntakeLimits());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            var path = Path.Combine(Path.GetFullPath(options.ModelsDir, env.ContentRootPath), FaceDetectorModel);
            return File.Exists(path)
                ? new BlazeFaceDetector(sp.GetRequiredService<SessionFactory>(), path)
                : throw new FileNotFoundException($"Face detector model missing at {path}: run scripts/setup.sh (it fetches models/blazeface).", path);
        });
        builder.Services.AddSingleton(sp => new FaceCheck(sp.GetRequiredService<BlazeFaceDetector>()));
        builder.Services.AddSingleton(sp => new PortraitIntake(sp.GetRequiredService<FaceCheck>(), sp.GetRequiredService<IntakeLimits>()));
        builder.Services.AddSingleton(sp => new AudioIntake(sp.GetRequiredService<IntakeLimits>()));
        builder.Services.AddSingleton<MediaUsage>();
        builder.Services.AddSingleton<LibraryAccess>();
        builder.Services.AddSingleton<LibraryIngest>();
        builder.Services.AddSingleton<UploadPortrait>();
        builder.Services.AddSingleton<UploadAudio>();
        builder.Services.AddSingleton<LibraryItems>();
        builder.Services.AddSingleton<LibraryQueries>();
    }
}
