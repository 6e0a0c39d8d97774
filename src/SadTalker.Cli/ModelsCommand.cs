using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;

namespace SadTalker.Cli;

/// <summary>`models verify`: checks the SadTalker model pack against models/manifest.json and prints every mismatch.</summary>
internal static class ModelsCommand
{
    public const string Usage = """
        models verify [--pack DIR] [--models DIR] [--manifest FILE]
          --pack DIR                SadTalker pack folder (default: <models>/sadtalker)
          --models DIR              models folder holding manifest.json (default: models/ of the repository)
          --manifest FILE           contract file (default: <models>/manifest.json)
          exit code 0 when the pack is usable, 1 when it is missing or does not match
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count >= 2 && args[1] == "run")
        {
            return ModelsRunCommand.RunAsync(args, cancellationToken);
        }

        if (args.Count < 2 || args[1] != "verify")
        {
            throw new UsageException("Use 'models verify [--pack DIR]' or 'models run MODEL.onnx --inputs DIR --outputs DIR'.");
        }

        var parsed = CliArguments.Parse(args.Skip(1).ToList(), new HashSet<string>());
        var models = RepositoryLayout.ModelsDirectory(parsed.Text("models"));
        var manifest = parsed.Text("manifest");
        var packOption = parsed.Text("pack");
        parsed.RejectUnknown();

        var contract = SadTalkerPack.LoadContract(models, manifest is null ? null : Path.GetFullPath(manifest));
        var directory = SadTalkerPack.ResolveDirectory(contract, models, packOption);
        // Verification only loads and inspects graphs: the CPU is enough and never fails for a missing GPU.
        var sessions = new SessionFactory(new SessionFactoryOptions { Device = InferenceDevice.Cpu });
        var result = ModelPackVerifier.Verify(contract, directory, sessions, cancellationToken);
        foreach (var line in result.ReportLines())
        {
            Console.Out.WriteLine(line);
        }

        return Task.FromResult(result.IsUsable ? ExitCodes.Success : ExitCodes.Failure);
    }
}
