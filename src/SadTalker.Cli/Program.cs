using SadTalker.Cli.Trust;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Imaging;

namespace SadTalker.Cli;

/// <summary>Entry point: parses the command, runs it, maps failures to exit codes (2 usage, 1 failure, 130 Ctrl+C).</summary>
internal static class Program
{
    private const string Help = "SadTalker.Cli - talking-head videos without the web app\n\n";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(string.Join("\n", Help + GenerateCommand.Usage, BenchCommand.Usage, VerifyCommand.Usage, WatermarkBenchCommand.Usage, ModelsCommand.Usage, ModelsRunCommand.Usage, PasteBenchCommand.Usage));
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C cancels cleanly (ffmpeg killed, partial file removed); a second one kills at once.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };

        try
        {
            return args[0] switch
            {
                "generate" => await GenerateCommand.RunAsync(CliArguments.Parse(args, GenerateCommand.Flags), cancel.Token),
                "bench" => await BenchCommand.RunAsync(CliArguments.Parse(args, BenchCommand.Flags), cancel.Token),
                "models" => await ModelsCommand.RunAsync(args, cancel.Token),
                "paste-bench" => await PasteBenchCommand.RunAsync(CliArguments.Parse(args, new HashSet<string>()), cancel.Token),
                "verify" => await VerifyCommand.RunAsync(args, cancel.Token),
                "watermark-bench" => await WatermarkBenchCommand.RunAsync(CliArguments.Parse(args, WatermarkBenchCommand.Flags), cancel.Token),
                _ => throw new UsageException($"Unknown command '{args[0]}'; use generate, bench, verify, watermark-bench, models or paste-bench (--help for details)."),
            };
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled; no output was written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is EngineInputException or MediaToolException or IOException or InvalidOperationException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
