using System.Diagnostics;
using System.Globalization;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Runtime;
using SadTalker.Inference.Trust;

namespace SadTalker.Cli.Trust;

/// <summary>
/// `watermark-bench`: renders watermarked Studio Lite clips over portrait and speech variants, applies every
/// <see cref="WatermarkAttack"/>, and reports recovery per attack, PSNR, false positives on unmarked clips, the
/// embedding cost and the detection time of a 10 s video.
/// </summary>
internal static class WatermarkBenchCommand
{
    public static IReadOnlySet<string> Flags { get; } = new HashSet<string> { "keep" };

    public const string Usage = """
        watermark-bench [--trials N] [--clean N] [--seconds S] [--size 512|1024] [--strength A] [--keep]
          --trials N     watermarked clips, each put through every transformation (default 12)
          --clean N      unwatermarked videos checked for false positives (default 102)
          --seconds S    clip length (default 4; at least 3)
          --size N       output size (default 512)
          --strength A   watermark RMS amplitude in grey levels (default 1.6)
          --keep         keep the work folder (prints it)
        """;

    public static async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var trials = args.Integer("trials", 1, 10_000) ?? 12;
        var clean = args.Integer("clean", 0, 10_000) ?? 102;
        var seconds = args.Number("seconds", 3, 60) ?? 4;
        var size = args.Integer("size", 1, 8192) ?? 512;
        var strength = (float)(args.Number("strength", 0.1, 8) ?? InvisibleWatermarkFilter.DefaultStrength);
        var keep = args.Flag("keep");
        args.RejectUnknown();

        var work = Directory.CreateTempSubdirectory("sadtalker-wm-bench-").FullName;
        var sessions = new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu });
        using var engine = new StudioLiteEngine(sessions, RepositoryLayout.ModelsDirectory(null));
        try
        {
            var availability = engine.CheckAvailability();
            if (!availability.IsAvailable)
            {
                Console.Error.WriteLine($"error: Studio Lite is not available: {availability.Reason}");
                return ExitCodes.Failure;
            }

            var inputs = await BenchInputs.CreateAsync(work, seconds, cancellationToken).ConfigureAwait(false);
            var run = new BenchRun(engine, inputs, work, size, strength);
            await run.MarkedAsync(trials, cancellationToken).ConfigureAwait(false);
            await run.CleanAsync(clean, cancellationToken).ConfigureAwait(false);
            await run.DetectionTimeAsync(cancellationToken).ConfigureAwait(false);
            run.Print(Console.Out);
            if (keep)
            {
                Console.Error.WriteLine($"Kept: {work}");
            }

            return ExitCodes.Success;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The state of one benchmark run and its measurements.</summary>
    private sealed class BenchRun(StudioLiteEngine engine, BenchInputs inputs, string work, int size, float strength)
    {
        private readonly Dictionary<string, (int Ok, int Total, double MinZ)> _recovery = [];
        private readonly List<string> _failures = [];
        private readonly List<double> _cost = [];
        private readonly RenderPipeline _pipeline = new(engine, new RenderPipelineOptions { PreviewSize = 0 });
        private double _minPsnr = double.PositiveInfinity, _sumPsnr;
        private long _frames;
        private int _maxFlat, _cleanVideos, _falsePositives, _suspected;
        private double _maxCleanZ = double.NegativeInfinity;
        private double _detect10s;

        public async Task MarkedAsync(int trials, CancellationToken cancellationToken)
        {
            // One unmeasured render first, so JIT compilation does not count as embedding or generation time.
            await RenderAsync(0, Path.Combine(work, "warm-up.mp4"), [new InvisibleWatermarkFilter(default)], cancellationToken).ConfigureAwait(false);
            for (var trial = 0; trial < trials; trial++)
            {
                var payload = WatermarkPayload.FromJobId(Guid.NewGuid());
                var measured = new MeasuredFilter(new InvisibleWatermarkFilter(payload, strength));
                var video = Path.Combine(work, $"marked-{trial}.mp4");
                var report = await RenderAsync(trial, video, [measured], cancellationToken).ConfigureAwait(false);
                // Embedding time over the render time without the wrapper (whose PSNR bookkeeping is not part of it).
                _cost.Add(measured.Elapsed.TotalSeconds / (report.Total - measured.TotalElapsed).TotalSeconds);
                (_minPsnr, _sumPsnr, _frames) = (Math.Min(_minPsnr, measured.MinPsnr), _sumPsnr + measured.SumPsnr, _frames + measured.Frames);
                _maxFlat = Math.Max(_maxFlat, measured.MaxFlatChange);
                foreach (var attack in WatermarkAttack.All)
                {
                    var attacked = await attack.ApplyAsync(video, Path.Combine(work, $"marked-{trial}-{attack.Name}{attack.Extension}"), cancellationToken)
                        .ConfigureAwait(false);
                    var found = await WatermarkDetector.DetectAsync(attacked, cancellationToken).ConfigureAwait(false);
                    var ok = found.Found && found.Payload == payload;
                    var (okCount, total, minZ) = _recovery.GetValueOrDefault(attack.Name, (0, 0, double.PositiveInfinity));
                    _recovery[attack.Name] = (okCount + (ok ? 1 : 0), total + 1, Math.Min(minZ, found.PilotScore));
                    if (!ok)
                    {
                        _failures.Add($"trial {trial} {attack.Name}: {found.Summary}");
                    }
                }

                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"marked {trial + 1}/{trials}: min PSNR {measured.MinPsnr:F1} dB, cost {_cost[^1]:P1}, {_failures.Count} failures so far"));
            }
        }

        public async Task CleanAsync(int count, CancellationToken cancellationToken)
        {
            for (var render = 0; _cleanVideos < count; render++)
            {
                var video = Path.Combine(work, $"clean-{render}.mp4");
                await RenderAsync(10_000 + render, video, [], cancellationToken).ConfigureAwait(false);
                foreach (var attack in WatermarkAttack.All.TakeWhile(_ => _cleanVideos < count))
                {
                    var attacked = await attack.ApplyAsync(video, Path.Combine(work, $"clean-{render}-{attack.Name}{attack.Extension}"), cancellationToken)
                        .ConfigureAwait(false);
                    var found = await WatermarkDetector.DetectAsync(attacked, cancellationToken).ConfigureAwait(false);
                    _cleanVideos++;
                    _falsePositives += found.Found ? 1 : 0;
                    _suspected += found.MarkSuspected ? 1 : 0;
                    _maxCleanZ = Math.Max(_maxCleanZ, found.PilotScore);
                }

                File.Delete(video);
            }

            Console.Error.WriteLine($"clean: {_cleanVideos} videos, {_falsePositives} false positives");
        }

        public async Task DetectionTimeAsync(CancellationToken cancellationToken)
        {
            var video = Path.Combine(work, "detect-10s.mp4");
            var request = inputs.Request(0) with { AudioPath = RepositoryLayout.Fixture("speech-en-10s.wav") };
            var filter = new InvisibleWatermarkFilter(WatermarkPayload.FromJobId(Guid.NewGuid()), strength);
            await _pipeline.RunAsync(new RenderJob(request with { Options = request.Options with { Size = size } }, video) { Filters = [filter] }, null, cancellationToken)
                .ConfigureAwait(false);
            var times = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                var found = await WatermarkDetector.DetectAsync(video, cancellationToken).ConfigureAwait(false);
                times.Add(clock.Elapsed.TotalSeconds);
                if (found.Payload != filter.Payload)
                {
                    _failures.Add($"10 s video: {found.Summary}");
                }
            }

            _detect10s = times.Order().ElementAt(1);
        }

        public void Print(TextWriter o)
        {
            var inv = CultureInfo.InvariantCulture;
            o.WriteLine(string.Create(inv, $"Invisible watermark benchmark: Studio Lite, {size} px, strength {strength}, {Environment.ProcessorCount} cores"));
            o.WriteLine(string.Create(inv, $"{"transformation",-14}{"recovered",12}{"rate",9}{"min pilot z",13}"));
            foreach (var (name, (ok, total, minZ)) in _recovery)
            {
                o.WriteLine(string.Create(inv, $"{name,-14}{$"{ok}/{total}",12}{(double)ok / total,9:P1}{minZ,13:F1}"));
            }

            var all = _recovery.Values.Sum(v => v.Total);
            var okAll = _recovery.Values.Sum(v => v.Ok);
            o.WriteLine(string.Create(inv, $"{"all",-14}{$"{okAll}/{all}",12}{(double)okAll / Math.Max(1, all),9:P1}   (target >= 99 %)"));
            o.WriteLine(string.Create(inv, $"PSNR vs unwatermarked frames: min {_minPsnr:F2} dB, mean {_sumPsnr / Math.Max(1, _frames):F2} dB (target >= 40)"));
            o.WriteLine(string.Create(inv, $"largest change on flat 16-px blocks: {_maxFlat} grey levels"));
            o.WriteLine(string.Create(inv,
                $"false positives: {_falsePositives}/{_cleanVideos} unwatermarked videos (target 0); 'suspected' {_suspected}; highest pilot z {_maxCleanZ:F1}"));
            if (_cost.Count > 0)
            {
                o.WriteLine(string.Create(inv, $"embedding cost: mean {_cost.Average():P1}, max {_cost.Max():P1} of generation time (target <= 10 %)"));
            }

            o.WriteLine(string.Create(inv, $"detection of a 10 s {size} px video: {_detect10s:F2} s, median of 3 (target <= 2 s)"));
            foreach (var failure in _failures)
            {
                o.WriteLine("  failed: " + failure);
            }
        }

        private Task<RenderReport> RenderAsync(int trial, string video, IReadOnlyList<IFrameFilter> filters, CancellationToken cancellationToken)
        {
            var request = inputs.Request(trial);
            return _pipeline.RunAsync(
                new RenderJob(request with { Options = request.Options with { Size = size } }, video) { Filters = filters }, null, cancellationToken);
        }
    }
}
