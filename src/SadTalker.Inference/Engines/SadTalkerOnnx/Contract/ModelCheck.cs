namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>The verification result of one model file against its contract.</summary>
/// <param name="Model">The contract entry.</param>
/// <param name="Path">Where the file was looked for.</param>
/// <param name="State">Ok, Missing or Invalid.</param>
/// <param name="Problems">Precise mismatches ("input 'mel' dim 2 is 64, contract 80"); empty when Ok or Missing.</param>
/// <param name="Opset">The file's default-domain opset when it could be read.</param>
/// <param name="FixedSymbols">Contract symbols the model pins to a number (e.g. batch = 1): the engine must honour them.</param>
public sealed record ModelCheck(
    ModelContract Model,
    string Path,
    ModelCheckState State,
    IReadOnlyList<string> Problems,
    int? Opset,
    IReadOnlyDictionary<string, int> FixedSymbols)
{
    /// <summary>The file's SHA-256 (lower-case hex) after a full verification; null when absent or only checked for presence.</summary>
    public string? Sha256 { get; init; }

    /// <summary>What pinned the hash the file was checked against: "contract", "SHA256SUMS", or null (not pinned).</summary>
    public string? PinnedBy { get; init; }

    /// <summary>One line for the CLI and the health page.</summary>
    public string Summary => State switch
    {
        ModelCheckState.Ok => $"ok       {Model.Id} ({Model.File}){Details}",
        ModelCheckState.Missing when Model.Size is { } size && !Model.Optional => $"absent   {Model.Id} ({Model.File}) - needed for size {size} only",
        ModelCheckState.Missing => $"{(Model.Optional ? "absent " : "MISSING")}  {Model.Id} ({Model.File}){(Model.Optional ? " - optional" : string.Empty)}",
        _ => $"INVALID  {Model.Id} ({Model.File}): {string.Join("; ", Problems)}",
    };

    private string Details
    {
        get
        {
            var parts = new List<string>();
            if (Opset is { } opset)
            {
                parts.Add($"opset {opset}");
            }

            parts.AddRange(FixedSymbols.Select(p => $"{p.Key} fixed to {p.Value}"));
            return parts.Count == 0 ? string.Empty : $" - {string.Join(", ", parts)}";
        }
    }
}
