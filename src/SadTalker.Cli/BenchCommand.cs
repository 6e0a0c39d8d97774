using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SadTalker.Inference.Imaging;

namespace SadTalker.Cli;

/// <summary>
/// `bench`: an engine (the built-in one by default, or SadTalker on a pack given with --pack, e.g. the synthetic one
/// that measures our own overhead) on astronaut.png with the 11 s speech fixture and with that speech looped to N
/// minutes. Each run is a separate child process (`generate --stats`), so its peak RSS is its own.
/// </summary>
internal static class BenchCommand
{
    public static IReadOnlySet<string> Flags { get; } = new HashSet<string> { "keep", "enhancer" };

    public const string Usage = """
        bench [--minutes N] [--size N] [--engine ID] [--pack DIR] [--preprocess MODE] [--enhancer] [--keep]
          --minutes N        length of the long run (default 10)
          --size N           output size (default 512; sadtalker 256 or 512)
          --engine ID        studio-lite (default) or sadtalker
          --pack DIR         SadTalker model pack folder (e.g. the synthetic pack, see README)
          --preprocess MODE  framing passed to generate (default: the engine's full)
          --enhancer         run the face enhancer (sadtalker; its time is listed as its own row)
          --keep             keep the videos and the long audio (prints the folder)
        """;

    private const double TargetFps = 25;
    private const double TargetRssRatio = 1.2;

    public static async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var minutes = args.Integer("minutes", 1, 120) ?? 10;
        var size = args.Integer("size", 1, 8192) ?? 512;
        var keep = args.Flag("keep");
        var extra = new List<string> { "--engine", args.Text("engine") ?? "studio-lite" };
        foreach (var name in new[] { "pack", "preprocess" })
        {
            if (args.Text(name) is { } value)
            {
                extra.AddRange(["--" + name, name == "pack" ? Path.GetFullPath(value) : value]);
            }
        }

        if (args.Flag("enhancer"))
        {
            extra.Add("--enhancer");
        }

        args.RejectUnknown();

        var image = RepositoryLayout.Fixture("astronaut.png");
        var speech = RepositoryLayout.Fixture("speech-en-10s.wav");
        var work = Directory.CreateTempSubdirectory("sadtalker-bench-").FullName;
        try
        {
            var longAudio = Path.Combine(work, $"speech-{minutes}min.wav");
            Console.Error.WriteLine($"Making {minutes} min of audio by looping {Path.GetFileName(speech)} ...");
            await MediaTool.Ffmpeg.RunAsync(
                ["-v", "error", "-nostdin", "-stream_loop", "-1", "-i", speech, "-t", (minutes * 60).ToString(CultureInfo.InvariantCulture),
                 "-c:a", "pcm_s16le", "-y", longAudio],
                cancellationToken).ConfigureAwait(false);

            var runs = new List<(string Name, RunStats Stats)>();
            foreach (var (name, audio) in new[] { ("10 s audio", speech), ($"{minutes} min audio", longAudio) })
            {
                Console.Error.WriteLine($"Rendering {name} at {size} px ...");
                var output = Path.Combine(work, $"bench-{runs.Count}.mp4");
                runs.Add((name, await RunChildAsync(image, audio, output, size, extra, cancellationToken).ConfigureAwait(false)));
            }

            Print(runs, $"{string.Join(' ', extra)}: astronaut.png, {size} px", minutes);
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

    private static async Task<RunStats> RunChildAsync(
        string image, string audio, string output, int size, IEnumerable<string> extra, CancellationToken cancellationToken)
    {
        var start = ChildStart();
        string[] arguments =
        [
            "generate", "--image", image, "--audio", audio, "--out", output,
            "--size", size.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--device", "cpu", "--quiet", "--stats",
            .. extra,
        ];
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark child process.");
        using var kill = cancellationToken.Register(() => child.Kill(entireProcessTree: true));
        var stdout = await child.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"Benchmark run failed with exit code {child.ExitCode} (its error is above).");
        }

        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return (line is null ? null : JsonSerializer.Deserialize<RunStats>(line))
            ?? throw new InvalidOperationException($"The benchmark child printed no statistics: '{stdout}'.");
    }

    /// <summary>This same program: the apphost directly, or `dotnet SadTalker.Cli.dll` when run through the muxer.</summary>
    private static ProcessStartInfo ChildStart()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable is running.");
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        return start;
    }

    private static void Print(IReadOnlyList<(string Name, RunStats Stats)> runs, string setup, int minutes)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = Console.Out;
        o.WriteLine(string.Create(inv, $"Benchmark {setup}, {Environment.ProcessorCount} cores, preset veryfast"));
        var width = runs[0].Stats.Stages.Select(s => s.Name.Length + 2).Append(26).Max();
        o.WriteLine(string.Create(inv, $"{string.Empty.PadRight(width)}{runs[0].Name,16}{runs[1].Name,16}"));
        void Row(string label, Func<RunStats, string> value) =>
            o.WriteLine(string.Create(inv, $"{label.PadRight(width)}{value(runs[0].Stats),16}{value(runs[1].Stats),16}"));

        Row("frames", s => s.Frames.ToString(inv));
        Row("output", s => $"{s.Width}x{s.Height}");
        foreach (var stage in runs[0].Stats.Stages.Select(s => s.Name))
        {
            Row($"  {stage}", s => Seconds(s.Stages.FirstOrDefault(x => x.Name == stage)?.Seconds));
        }

        Row("  total (pipeline)", s => Seconds(s.TotalSeconds));
        Row("frames/s end to end", s => s.FramesPerSecond.ToString("0.0", inv));
        Row("process wall time", s => Seconds(s.ProcessSeconds));
        Row("peak RSS (VmHWM)", s => Mib(s.PeakRssBytes));
        Row("ffmpeg peak RSS", s => Mib(s.FfmpegPeakRssBytes));
        Row("managed bytes allocated", s => Mib(s.AllocatedBytes));
        Row("managed heap committed", s => Mib(s.ManagedCommittedBytes));
        Row("gen0 collections", s => s.Gen0Collections.ToString(inv));

        var ratio = (double?)runs[1].Stats.PeakRssBytes / runs[0].Stats.PeakRssBytes;
        var slowest = runs.Min(r => r.Stats.FramesPerSecond);
        o.WriteLine(string.Create(inv,
            $"RSS ratio {minutes} min / 10 s: {ratio:0.000} (target <= {TargetRssRatio}) {(ratio <= TargetRssRatio ? "met" : "NOT met")}"));
        // The frame-rate target is Studio Lite's (real-time on the CPU); SadTalker's rate depends on the pack's networks,
        // and on a synthetic pack it measures our own overhead, so it is printed without a verdict.
        o.WriteLine(setup.Contains("--engine sadtalker", StringComparison.Ordinal)
            ? string.Create(inv, $"slowest end-to-end rate: {slowest:0.0} frames/s")
            : string.Create(inv, $"slowest end-to-end rate: {slowest:0.0} frames/s (target >= {TargetFps}) {(slowest >= TargetFps ? "met" : "NOT met")}"));
    }

    private static string Seconds(double? seconds) =>
        seconds is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "-";

    private static string Mib(long? bytes) =>
        bytes is { } b ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB" : "-";
}
