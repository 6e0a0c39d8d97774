namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>One network of a model pack: its file, role and tensor contract (a <c>packs[].models[]</c> entry of models/manifest.json).</summary>
/// <param name="Id">Unique id, e.g. "generator-256".</param>
/// <param name="Role">What the engine uses it for; several ids share a role across sizes (see <see cref="ModelRoles"/>).</param>
/// <param name="File">File name relative to the pack directory.</param>
/// <param name="Optional">True when the engine works without it (possibly with fewer options).</param>
/// <param name="Size">Renderer resolution (256 or 512) for size-specific models, else null.</param>
/// <param name="Sha256">Expected lower-case hex SHA-256, or null when the contract does not pin the file.</param>
/// <param name="Opsets">
/// Default-domain opsets an export may declare (the verifier reports any other); empty for any. The generator's
/// per-frame graph lists 17 (our trilinear sampler) and 20 (native 5-D GridSample): docs/model-export.md.
/// </param>
public sealed record ModelContract(
    string Id,
    string Role,
    string File,
    bool Optional,
    int? Size,
    string? Sha256,
    IReadOnlyList<int> Opsets,
    IReadOnlyList<TensorContract> Inputs,
    IReadOnlyList<TensorContract> Outputs);
