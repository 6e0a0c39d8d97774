using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SadTalker.Inference.Runtime;

namespace SadTalker.Cli;

/// <summary>
/// `models run`: runs one ONNX file on .npy inputs and writes its outputs as .npy, through the same session factory
/// the engine uses. For checking an export against the framework it came from (the exporter's parity checks).
/// </summary>
internal static class ModelsRunCommand
{
    public const string Usage = """
        models run MODEL.onnx --inputs DIR --outputs DIR [--repeat N] [--device cpu|auto|cuda]
          reads DIR/<input>.npy (float32 or int64; ':' and '/' in names become '_'), writes <output>.npy
          --repeat N                run N more times and print the median time per run
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count < 3 || args[2].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("Use 'models run MODEL.onnx --inputs DIR --outputs DIR'.");
        }

        var model = args[2];
        var parsed = CliArguments.Parse(args.Skip(2).ToList(), new HashSet<string>());
        var inputs = parsed.RequiredText("inputs");
        var outputs = parsed.RequiredText("outputs");
        var repeat = parsed.Integer("repeat", 0, 10_000) ?? 0;
        var device = parsed.Choice<InferenceDevice>("device") ?? InferenceDevice.Cpu;
        parsed.RejectUnknown();

        var sessions = new SessionFactory(new SessionFactoryOptions { Device = device });
        using var session = sessions.CreateSession(model);
        var values = new List<OrtValue>();
        try
        {
            var names = new List<string>();
            foreach (var (name, meta) in session.InputMetadata)
            {
                var array = NpyArray.Read(Path.Combine(inputs, FileName(name)));
                values.Add(array.Floats is { } f
                    ? OrtValue.CreateTensorValueFromMemory(f, array.Shape)
                    : OrtValue.CreateTensorValueFromMemory(array.Longs!, array.Shape));
                names.Add(name);
            }

            Directory.CreateDirectory(outputs);
            var outputNames = session.OutputNames.ToList();
            using var options = new RunOptions();
            var results = session.Run(options, names, values, outputNames);
            try
            {
                for (var i = 0; i < outputNames.Count; i++)
                {
                    var info = results[i].GetTensorTypeAndShape();
                    var array = info.ElementDataType == TensorElementType.Int64
                        ? new NpyArray(info.Shape, null, results[i].GetTensorDataAsSpan<long>().ToArray())
                        : new NpyArray(info.Shape, results[i].GetTensorDataAsSpan<float>().ToArray(), null);
                    array.Write(Path.Combine(outputs, FileName(outputNames[i])));
                }
            }
            finally
            {
                foreach (var result in results)
                {
                    result.Dispose();
                }
            }

            if (repeat > 0)
            {
                var times = new List<double>();
                for (var r = 0; r < repeat; r++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var watch = Stopwatch.StartNew();
                    using var again = session.Run(options, names, values, outputNames);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.Out.WriteLine($"median {times[times.Count / 2]:F1} ms per run over {repeat} runs ({sessions.ActiveDevice})");
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static string FileName(string tensorName) => tensorName.Replace(':', '_').Replace('/', '_') + ".npy";
}
