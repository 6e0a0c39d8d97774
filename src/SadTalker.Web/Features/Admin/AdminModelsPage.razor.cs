using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using SadTalker.Inference.Engines.SadTalkerOnnx;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Hosting;

namespace SadTalker.Web.Features.Admin;

/// <summary>
/// Admin page: the installed SadTalker pack, each file's _verification result and hash, what the pack enables, and the
/// exact command that installs one (scripts/import-sadtalker.sh). Verification runs off the render thread.
/// </summary>
public sealed partial class AdminModelsPage
{
    private PackVerification? _verification;
    private PackExportInfo? _export;
    private string? _unavailableReason;
    private bool _verifying;

    [Inject]
    private GenerationEngines Engines { get; set; } = default!;

    [Inject]
    private SessionFactory Sessions { get; set; } = default!;

    [Inject]
    private IOptions<InferenceOptions> Inference { get; set; } = default!;

    [Inject]
    private IHostEnvironment Host { get; set; } = default!;

    private InferenceRuntimeInfo Runtime => Sessions.Describe();

    private string PackStatus => _verification is null
        ? string.Empty
        : !_verification.DirectoryFound ? "not installed"
        : _verification.IsUsable ? "usable, every present file verified"
        : "not usable: " + string.Join("; ", _verification.Problems);

    private IEnumerable<string> Enables
    {
        get
        {
            if (_verification is null || !_verification.IsUsable)
            {
                yield return "none until the pack is usable";
                yield break;
            }

            yield return $"sizes {string.Join(" and ", _verification.RendererSizes)} px" +
                (_verification.RendererSizes.All(_verification.HasSplitGenerator) ? " (split generator: source encoded once per job)" : string.Empty);
            yield return _verification.HasFullModes ? "preprocess crop, extcrop, resize, full and extfull" : "preprocess crop, extcrop and resize (full/extfull need mapping_73.onnx)";
            yield return _verification.HasEnhancer ? "face enhancer (GFPGAN, 2× output)" : "no face enhancer (gfpgan_512.onnx absent)";
            yield return "98-point landmarks, expression scale, pose style 0–45, still mode, free view, reference eye-blink and pose videos";
        }
    }

    private string ImportCommand
    {
        get
        {
            var command = "bash scripts/import-sadtalker.sh /path/to/SadTalker";
            var defaultPack = Path.GetFullPath(Path.Combine(Inference.Value.ModelsDir, "sadtalker"), Host.ContentRootPath);
            return _verification is not null && !string.Equals(Path.GetFullPath(_verification.Directory), defaultPack, StringComparison.Ordinal)
                ? $"{command} --out {_verification.Directory}"
                : command;
        }
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string ResultWord(ModelCheck check) => check.State switch
    {
        ModelCheckState.Ok => "verified",
        ModelCheckState.Missing => check.Model.Optional || check.Model.Size is not null ? "absent" : "MISSING",
        _ => "INVALID",
    };

    private static string FileSize(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.Length / 1e6:F1} MB" : "—";
    }

    private async Task VerifyAgainAsync()
    {
        _verifying = true;
        await LoadAsync();
        _verifying = false;
    }

    private async Task LoadAsync()
    {
        if (Engines.Find(SadTalkerEngine.EngineId) is not SadTalkerEngine engine)
        {
            _unavailableReason = Engines.Find(SadTalkerEngine.EngineId)?.CheckAvailability().Reason ?? "the engine is not registered";
            return;
        }

        // Hashing and loading every file takes seconds for a real pack: off the circuit's thread.
        _verification = await Task.Run(engine.VerifyPack);
        _export = PackExportInfo.TryRead(_verification.Directory);
    }
}
