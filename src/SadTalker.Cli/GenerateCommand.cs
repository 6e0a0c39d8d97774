using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SadTalker.Cli.Trust;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Trust;

namespace SadTalker.Cli;

/// <summary>`generate`: one portrait + one audio → one MP4, through the same pipeline as the web app.</summary>
internal static class GenerateCommand
{
    public static IReadOnlySet<string> Flags { get; } = new HashSet<string> { "still", "enhancer", "quiet", "stats", "no-invisible-watermark" };

    public const string Usage = """
        generate --image PORTRAIT --audio SPEECH --out VIDEO.mp4 [options]
          --engine ID               engine: studio-lite (default) or sadtalker
          --still                   no head motion
          --size N                  output size: studio-lite 512 (default) or 1024 on the long side; sadtalker 256 or 512 (face crop)
          --preprocess MODE         full (default), crop, extcrop, resize, extfull (what the engine supports)
          --seed N                  seed for blinks and head motion (same seed, same video)
          --expression-scale F      mouth/expression strength 0..2 (default 1)
          --pose-style N            head-motion style 0..45
          --batch-size N            frames per renderer step 1..10 (default 2; sadtalker)
          --enhancer                run the face enhancer (when the engine has one installed)
          --ref-eyeblink VIDEO      video whose eye blinks drive the result (sadtalker)
          --ref-pose VIDEO          video whose head motion is added (sadtalker)
          --input-yaw LIST          free-view yaw keyframes in degrees, e.g. "0,30,-30" (also --input-pitch, --input-roll)
          --pack DIR                SadTalker model pack folder (default: sadtalker/ under --models)
          --watermark TEXT          visible text burned into a corner
          --watermark-position P    bottom-right (default), bottom-left, top-right, top-left
          --job-id GUID             id the invisible watermark's payload is derived from (default: a new one)
          --no-invisible-watermark  leave out the invisible watermark (it is on by default)
          --sign KEYDIR             sign a provenance manifest with the key in KEYDIR (made on first use) and embed it
          --device D                auto (default), cpu, cuda
          --models DIR              models folder (default: models/ of the repository)
          --preset P                libx264 preset (default veryfast)
          --quiet                   no progress bar
          --stats                   print timings and peak memory as one JSON line on stdout
          --trace-shapes FILE       write every distinct tensor shape seen at a stage boundary (JSON; diagnostics)
        """;

    public static async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var image = ExistingFile(args.RequiredText("image"), "image");
        var audio = ExistingFile(args.RequiredText("audio"), "audio");
        var output = Path.GetFullPath(args.RequiredText("out"));
        var engineId = args.Text("engine") ?? StudioLiteEngine.EngineId;
        var options = new GenerationOptions
        {
            Still = args.Flag("still"),
            Size = args.Integer("size", 1, 8192) ?? 512,
            Preprocess = args.Choice<PreprocessMode>("preprocess") ?? PreprocessMode.Full,
            Seed = args.Integer("seed", int.MinValue, int.MaxValue),
            ExpressionScale = (float)(args.Number("expression-scale", 0, GenerationOptions.MaxExpressionScale) ?? 1),
            PoseStyle = args.Integer("pose-style", 0, GenerationOptions.MaxPoseStyle) ?? 0,
            BatchSize = args.Integer("batch-size", 1, GenerationOptions.MaxBatchSize) ?? 2,
            Enhancer = args.Flag("enhancer"),
            RefEyeblinkPath = args.Text("ref-eyeblink") is { } blink ? ExistingFile(blink, "ref-eyeblink") : null,
            RefPosePath = args.Text("ref-pose") is { } pose ? ExistingFile(pose, "ref-pose") : null,
            InputYaw = Angles(args, "yaw"),
            InputPitch = Angles(args, "pitch"),
            InputRoll = Angles(args, "roll"),
        };
        var pack = args.Text("pack") is { } packDir ? Path.GetFullPath(packDir) : null;
        var watermark = args.Text("watermark");
        var position = args.Choice<WatermarkPosition>("watermark-position") ?? WatermarkPosition.BottomRight;
        var jobId = args.Text("job-id") is { } id
            ? Guid.TryParse(id, out var parsed) ? parsed : throw new UsageException($"--job-id must be a GUID; got '{id}'.")
            : Guid.NewGuid();
        var invisible = !args.Flag("no-invisible-watermark");
        var signFolder = args.Text("sign");
        var device = args.Choice<InferenceDevice>("device") ?? InferenceDevice.Auto;
        var models = RepositoryLayout.ModelsDirectory(args.Text("models"));
        var preset = args.Text("preset") ?? "veryfast";
        var quiet = args.Flag("quiet");
        var stats = args.Flag("stats");
        var traceFile = args.Text("trace-shapes") is { } trace ? Path.GetFullPath(trace) : null;
        args.RejectUnknown();
        if (!Directory.Exists(Path.GetDirectoryName(output)))
        {
            throw new UsageException($"Output folder does not exist: {Path.GetDirectoryName(output)}");
        }

        var recorder = traceFile is null ? null : new ShapeRecorder();
        var sessions = new SessionFactory(new SessionFactoryOptions { Device = device, StageObserver = recorder });
        var engine = EngineCatalog.Create(engineId, sessions, models, pack);
        try
        {
            var problems = engine.Capabilities.Validate(options);
            if (problems.Count > 0)
            {
                throw new UsageException(string.Join(" ", problems));
            }

            var availability = engine.CheckAvailability();
            if (!availability.IsAvailable)
            {
                Console.Error.WriteLine($"error: {engine.DisplayName} is not available: {availability.Reason}");
                return ExitCodes.Failure;
            }

            if (signFolder is not null && !invisible)
            {
                throw new UsageException("--sign needs the invisible watermark: drop --no-invisible-watermark.");
            }

            var payload = WatermarkPayload.FromJobId(jobId);
            var request = new EngineRequest { PortraitPath = image, AudioPath = audio, Options = options };
            var job = new RenderJob(request, output)
            {
                Filters = [
                    .. watermark is null ? Array.Empty<IFrameFilter>() : [new VisibleWatermarkFilter(watermark, position)],
                    .. invisible ? [new InvisibleWatermarkFilter(payload)] : Array.Empty<IFrameFilter>()],
            };
            var bar = quiet ? null : new ProgressBar();
            var pipeline = new RenderPipeline(engine, new RenderPipelineOptions { Preset = preset, PreviewSize = 0 });
            RenderReport report;
            using var pacer = new GarbagePacer();
            try
            {
                report = await pipeline.RunAsync(job, bar, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                bar?.Finish();
            }

            if (signFolder is not null)
            {
                using var key = ProvenanceKeyStore.LoadOrCreate(signFolder);
                var manifest = await CliProvenance.ManifestAsync(engine, EngineCatalog.ModelFiles(engineId, models, pack), request, jobId, payload, cancellationToken)
                    .ConfigureAwait(false);
                await ProvenanceSigner.SignAndEmbedAsync(output, manifest, key, cancellationToken).ConfigureAwait(false);
                Console.Error.WriteLine($"signed with key {key.KeyId}; sidecar {ProvenanceSigner.SidecarPath(output)}");
            }

            if (!quiet)
            {
                Console.Error.WriteLine(invisible ? $"invisible watermark: job {jobId:D}, payload {payload}" : "no invisible watermark");
                PrintSummary(report, engine, sessions);
            }

            if (stats)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(Stats(report)));
            }

            return ExitCodes.Success;
        }
        finally
        {
            (engine as IDisposable)?.Dispose();
            if (recorder is not null)
            {
                // Written whether or not the render succeeded: the trace of a failed run shows the last stage reached.
                await File.WriteAllTextAsync(traceFile!, JsonSerializer.Serialize(recorder.Records, TraceJson), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static readonly JsonSerializerOptions TraceJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    private static IReadOnlyList<int>? Angles(CliArguments args, string axis)
    {
        try
        {
            return AngleList.Parse(args.Text("input-" + axis), axis);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static string ExistingFile(string path, string name) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new UsageException($"--{name}: file not found: {path}");

    private static void PrintSummary(RenderReport report, ITalkingHeadEngine engine, SessionFactory sessions)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Error.WriteLine(string.Create(inv,
            $"{report.OutputPath}: {report.Width}x{report.Height}, {report.FrameCount} frames ({report.Duration.TotalSeconds:0.00} s), {report.SizeBytes / 1024.0:0} KiB"));
        Console.Error.WriteLine($"{engine.DisplayName} {engine.Version}, face detection on {sessions.ActiveDevice}");
        var width = report.Stages.Select(s => s.Name.Length).Append(18).Max();
        foreach (var stage in report.Stages)
        {
            Console.Error.WriteLine(string.Create(inv, $"  {stage.Name.PadRight(width)} {stage.Elapsed.TotalSeconds,8:0.000} s"));
        }

        Console.Error.WriteLine(string.Create(inv, $"  {"total".PadRight(width)} {report.Total.TotalSeconds,8:0.000} s  ({report.FramesPerSecond:0.0} frames/s)"));
    }

    private static RunStats Stats(RenderReport report) => new(
        report.FrameCount,
        report.Width,
        report.Height,
        report.Total.TotalSeconds,
        report.FramesPerSecond,
        report.Stages.Select(s => new StageSeconds(s.Name, s.Elapsed.TotalSeconds)).ToList(),
        (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds,
        PeakMemory.Self(),
        PeakMemory.LargestChild(),
        GC.GetTotalAllocatedBytes(),
        GC.GetGCMemoryInfo().TotalCommittedBytes,
        GC.CollectionCount(0));
}
