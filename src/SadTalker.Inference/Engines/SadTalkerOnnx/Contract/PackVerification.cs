namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>What a pack directory holds compared with its contract, and what the engine can therefore offer.</summary>
/// <param name="DirectoryFound">False when the pack directory does not exist (no pack installed).</param>
/// <param name="FullyVerified">True after <see cref="ModelPackVerifier.Verify"/>; false for a presence-only check.</param>
/// <remarks>
/// The pack is usable when every required model is present, nothing present is invalid, and at least one renderer
/// size is complete: <c>kp-detector-S</c> plus either <c>generator-S</c> or both halves of the split pair.
/// A present but invalid optional model makes the pack unusable too: a broken file is a mistake to fix, not to skip.
/// </remarks>
public sealed record PackVerification(
    PackContract Pack, string Directory, bool DirectoryFound, bool FullyVerified, IReadOnlyList<ModelCheck> Checks)
{
    /// <summary>Where to read how to build a pack, for messages.</summary>
    public const string Instructions =
        "Export the SadTalker networks to ONNX as models/README.md describes (contract: models/manifest.json, pack " +
        "\"sadtalker\"), put them in that folder (or pass the pack folder with --pack), then run " +
        "'SadTalker.Cli models verify' to check them.";

    /// <summary>Pack-level problems, each naming the model; empty when usable.</summary>
    public IReadOnlyList<string> Problems => field ??= FindProblems();

    public bool IsUsable => DirectoryFound && Problems.Count == 0;

    /// <summary>Renderer sizes whose models are complete, ascending.</summary>
    public IReadOnlyList<int> RendererSizes => Pack.Models.Where(m => m.Size is not null).Select(m => m.Size!.Value)
        .Distinct().Order().Where(RendererComplete).ToList();

    /// <summary>The 73-input MappingNet is present, so full/extfull can run (sadtalker-facts.md §1 mode matrix).</summary>
    public bool HasFullModes => IsOk(ModelRoles.Mapping73);

    public bool HasEnhancer => IsOk(ModelRoles.Enhancer);

    /// <summary>True when the faster split generator (encoder once + per-frame decoder) is complete at this size.</summary>
    public bool HasSplitGenerator(int size) => IsOk(ModelRoles.GeneratorEncoder, size) && IsOk(ModelRoles.GeneratorDecoder, size);

    /// <summary>The check of one model, or null when the contract has no such model.</summary>
    public ModelCheck? Check(string role, int? size = null) => Checks.FirstOrDefault(c => c.Model.Role == role && c.Model.Size == size);

    /// <summary>The engine's availability line for the engine list and the health page.</summary>
    public EngineAvailability ToAvailability()
    {
        if (!DirectoryFound)
        {
            return EngineAvailability.Unavailable($"SadTalker model pack not found at {Directory}. {Instructions}");
        }

        if (!IsUsable)
        {
            return EngineAvailability.Unavailable(
                $"SadTalker model pack at {Directory} does not match the contract: {string.Join("; ", Problems)}. {Instructions}");
        }

        var checkedHow = FullyVerified ? "verified" : "present (not yet verified)";
        return EngineAvailability.Available(
            $"SadTalker pack {checkedHow} at {Directory}: sizes {string.Join(", ", RendererSizes)}; " +
            $"full/extfull {(HasFullModes ? "yes" : "no (mapping_73.onnx absent)")}; enhancer {(HasEnhancer ? "yes" : "no")}.");
    }

    /// <summary>The report <c>models verify</c> prints: one line per model, then the verdict.</summary>
    public IEnumerable<string> ReportLines()
    {
        yield return $"pack '{Pack.Id}' at {Directory}";
        foreach (var check in Checks)
        {
            yield return "  " + check.Summary;
        }

        yield return ToAvailability().Reason;
    }

    private bool IsOk(string role, int? size = null) => Check(role, size)?.State == ModelCheckState.Ok;

    private bool RendererComplete(int size) =>
        IsOk(ModelRoles.KeypointDetector, size) && (IsOk(ModelRoles.Generator, size) || HasSplitGenerator(size));

    private List<string> FindProblems()
    {
        var problems = new List<string>();
        if (!DirectoryFound)
        {
            return ["pack directory not found"];
        }

        foreach (var check in Checks)
        {
            if (check.State == ModelCheckState.Invalid)
            {
                problems.Add($"{check.Model.File}: {string.Join("; ", check.Problems)}");
            }
            else if (check.State == ModelCheckState.Missing && !check.Model.Optional && check.Model.Size is null)
            {
                problems.Add($"{check.Model.File} is missing");
            }
        }

        foreach (var size in Pack.Models.Where(m => m.Size is not null).Select(m => m.Size!.Value).Distinct())
        {
            var encoder = Check(ModelRoles.GeneratorEncoder, size)?.State == ModelCheckState.Ok;
            var decoder = Check(ModelRoles.GeneratorDecoder, size)?.State == ModelCheckState.Ok;
            if (encoder != decoder)
            {
                problems.Add($"the split generator at {size} needs both halves; only the {(encoder ? "encoder" : "decoder")} is present");
            }
        }

        if (RendererSizes.Count == 0)
        {
            problems.Add("no complete renderer: need kp_detector_S.onnx plus generator_S.onnx (or generator_encoder_S + generator_decoder_S) for S = 256 or 512");
        }

        return problems;
    }
}
