using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>Checks a model pack directory against its contract: presence, loadability, tensor names, ranks, dims, dtypes, hashes.</summary>
/// <remarks>
/// Expected hashes come from the contract's <c>sha256</c> and, when the pack directory holds one, from a
/// <c>SHA256SUMS</c> file in <c>sha256sum</c> format (so a user who exports their own models can pin them).
/// Both are checked when both exist. Each present model is opened once with ONNX Runtime and closed again.
/// </remarks>
public static class ModelPackVerifier
{
    /// <summary>Name of the optional checksum file in a pack directory (output of <c>sha256sum *.onnx</c>).</summary>
    public const string ChecksumFile = "SHA256SUMS";

    /// <summary>Full check of every model in <paramref name="pack"/> found under <paramref name="directory"/>.</summary>
    public static PackVerification Verify(PackContract pack, string directory, SessionFactory sessions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(sessions);
        if (!Directory.Exists(directory))
        {
            return new PackVerification(pack, directory, DirectoryFound: false, FullyVerified: true, []);
        }

        var sums = ReadChecksums(Path.Combine(directory, ChecksumFile));
        var checks = new List<ModelCheck>();
        foreach (var model in pack.Models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            checks.Add(VerifyModel(model, Path.Combine(directory, model.File), sums, sessions));
        }

        return new PackVerification(pack, directory, DirectoryFound: true, FullyVerified: true, checks);
    }

    /// <summary>File presence only: cheap enough for <c>CheckAvailability</c>; does not open or hash anything.</summary>
    public static PackVerification CheckPresence(PackContract pack, string directory)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (!Directory.Exists(directory))
        {
            return new PackVerification(pack, directory, DirectoryFound: false, FullyVerified: false, []);
        }

        var checks = pack.Models.Select(m =>
        {
            var path = Path.Combine(directory, m.File);
            return new ModelCheck(m, path, File.Exists(path) ? ModelCheckState.Ok : ModelCheckState.Missing, [], null, new Dictionary<string, int>());
        }).ToList();
        return new PackVerification(pack, directory, DirectoryFound: true, FullyVerified: false, checks);
    }

    private static ModelCheck VerifyModel(ModelContract model, string path, IReadOnlyDictionary<string, string> sums, SessionFactory sessions)
    {
        var fixedSymbols = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new ModelCheck(model, path, ModelCheckState.Missing, [], null, fixedSymbols);
        }

        var problems = new List<string>();
        var (sha256, pinnedBy) = CheckHash(model, path, sums, problems);
        var opset = OnnxOpsetReader.Read(path);
        if (opset is { } declared && model.Opsets.Count > 0 && !model.Opsets.Contains(declared))
        {
            problems.Add($"opset {declared}, contract {string.Join(" or ", model.Opsets)}");
        }
        try
        {
            using var session = sessions.CreateSession(path);
            TensorMetadataComparer.Compare("input", model.Inputs, session.InputMetadata, extraAllowed: false, problems, fixedSymbols);
            TensorMetadataComparer.Compare("output", model.Outputs, session.OutputMetadata, extraAllowed: true, problems, fixedSymbols);
        }
        catch (OnnxRuntimeException ex)
        {
            problems.Add($"ONNX Runtime cannot load it: {ex.Message}");
        }

        var state = problems.Count == 0 ? ModelCheckState.Ok : ModelCheckState.Invalid;
        return new ModelCheck(model, path, state, problems, opset, fixedSymbols) { Sha256 = sha256, PinnedBy = pinnedBy };
    }

    /// <summary>
    /// Hashes every present file (the Models page shows each hash) and compares it with the contract's pin and the
    /// pack's SHA256SUMS; returns the hash and what pinned it ("contract", "SHA256SUMS" or null).
    /// </summary>
    private static (string Sha256, string? PinnedBy) CheckHash(
        ModelContract model, string path, IReadOnlyDictionary<string, string> sums, List<string> problems)
    {
        sums.TryGetValue(model.File, out var listed);
        string actual;
        using (var stream = File.OpenRead(path))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (model.Sha256 is { } pinned && pinned != actual)
        {
            problems.Add($"sha256 is {actual}, contract {pinned}");
        }

        if (listed is not null && listed != actual)
        {
            problems.Add($"sha256 is {actual}, {ChecksumFile} lists {listed}");
        }

        return (actual, model.Sha256 is not null ? "contract" : listed is not null ? ChecksumFile : null);
    }

    private static Dictionary<string, string> ReadChecksums(string path)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return sums;
        }

        foreach (var line in File.ReadLines(path))
        {
            // "<64 hex>  name" (text mode) or "<64 hex> *name" (binary mode).
            var parts = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length == 64)
            {
                sums[parts[1].TrimStart('*')] = parts[0].ToLowerInvariant();
            }
        }

        return sums;
    }
}
