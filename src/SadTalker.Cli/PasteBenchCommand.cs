using System.Diagnostics;
using System.Globalization;
using SadTalker.Inference.Imaging;

namespace SadTalker.Cli;

/// <summary>
/// `paste-bench`: times our Poisson paste-back (<see cref="PoissonClone"/>) on one frame; scripts/poisson-bench.sh runs
/// it beside OpenCV's seamlessClone on the same 1080p frame and compares the outputs.
/// </summary>
internal static class PasteBenchCommand
{
    public const string Usage = """
        paste-bench --image FRAME --patch FACE --left X --top Y [--repeat N] [--out RAW]
          times the full-mode Poisson paste-back of FACE into FRAME at (X, Y), one thread;
          --out writes the blended frame as raw RGB24 (for comparison); see scripts/poisson-bench.sh
        """;

    public static async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var imagePath = args.RequiredText("image");
        var patchPath = args.RequiredText("patch");
        var left = args.Integer("left", 1, 100_000) ?? throw new UsageException("Missing required option --left.");
        var top = args.Integer("top", 1, 100_000) ?? throw new UsageException("Missing required option --top.");
        var repeat = args.Integer("repeat", 1, 1000) ?? 5;
        var output = args.Text("out");
        args.RejectUnknown();

        var image = await FfmpegImageDecoder.DecodeAsync(imagePath, cancellationToken);
        var patch = await FfmpegImageDecoder.DecodeAsync(patchPath, cancellationToken);
        var times = new List<double>();
        RgbImage? result = null;
        for (var i = 0; i <= repeat; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = new RgbImage(image.Width, image.Height, (byte[])image.Pixels.Clone());
            var watch = Stopwatch.StartNew();
            PoissonClone.NormalClone(result, patch, left, top);
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // run 0 warms up the JIT
            }
        }

        times.Sort();
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ours (C#, 1 thread): median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms over {repeat} runs; frame {image.Width}x{image.Height}, patch {patch.Width}x{patch.Height}"));
        if (output is not null)
        {
            await File.WriteAllBytesAsync(output, result!.Pixels, cancellationToken);
        }

        return ExitCodes.Success;
    }
}
