using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>Compares a session's declared inputs or outputs with the contract tensors, collecting precise mismatches.</summary>
/// <remarks>
/// Rules: every contract tensor must exist, be a tensor, have the contract's element type and rank; a fixed contract
/// dimension must equal the model's (a model dimension that is itself symbolic accepts any size, so it is compatible);
/// a symbolic contract dimension matches anything, but when the model pins it to a number that number must be the
/// same everywhere the symbol appears, and it is reported so the engine can respect it (e.g. batch fixed to 1).
/// Extra model inputs are errors (the engine would not feed them); extra outputs are allowed (the generator exports
/// of SeanWangJS/sadtalker-tensorrt also return mask and occlusion_map, sadtalker-facts.md §10).
/// </remarks>
internal static class TensorMetadataComparer
{
    private static readonly Dictionary<string, TensorElementType> DTypes = new(StringComparer.Ordinal)
    {
        ["float32"] = TensorElementType.Float,
        ["float16"] = TensorElementType.Float16,
        ["float64"] = TensorElementType.Double,
        ["int64"] = TensorElementType.Int64,
        ["int32"] = TensorElementType.Int32,
        ["uint8"] = TensorElementType.UInt8,
        ["bool"] = TensorElementType.Bool,
    };

    public static void Compare(
        string kind,
        IReadOnlyList<TensorContract> expected,
        IReadOnlyDictionary<string, NodeMetadata> actual,
        bool extraAllowed,
        List<string> problems,
        Dictionary<string, int> fixedSymbols)
    {
        foreach (var tensor in expected)
        {
            if (!actual.TryGetValue(tensor.Name, out var meta))
            {
                var names = string.Join(", ", actual.Keys.Select(k => $"'{k}'"));
                problems.Add($"{kind} '{tensor.Name}' is missing (the model's {kind}s: {names})");
                continue;
            }

            if (!meta.IsTensor)
            {
                problems.Add($"{kind} '{tensor.Name}' is a {meta.OnnxValueType}, not a tensor");
                continue;
            }

            CompareTensor(kind, tensor, meta, problems, fixedSymbols);
        }

        if (!extraAllowed)
        {
            foreach (var name in actual.Keys.Where(n => expected.All(t => t.Name != n)))
            {
                problems.Add($"unexpected {kind} '{name}' (the contract has {string.Join(", ", expected.Select(t => $"'{t.Name}'"))})");
            }
        }
    }

    /// <summary>The contract spelling of an ONNX element type, for messages.</summary>
    public static string DTypeName(TensorElementType type) =>
        DTypes.FirstOrDefault(p => p.Value == type).Key ?? type.ToString();

    private static void CompareTensor(
        string kind, TensorContract tensor, NodeMetadata meta, List<string> problems, Dictionary<string, int> fixedSymbols)
    {
        if (!DTypes.TryGetValue(tensor.DType, out var dtype))
        {
            problems.Add($"{kind} '{tensor.Name}': the contract names an unknown dtype '{tensor.DType}'");
        }
        else if (meta.ElementDataType != dtype)
        {
            problems.Add($"{kind} '{tensor.Name}' dtype is {DTypeName(meta.ElementDataType)}, contract {tensor.DType}");
        }

        var dims = meta.Dimensions;
        if (dims.Length != tensor.Shape.Count)
        {
            problems.Add($"{kind} '{tensor.Name}' rank is {dims.Length} {Describe(meta)}, contract {tensor.Shape.Count} {tensor.ShapeText}");
            return;
        }

        for (var i = 0; i < dims.Length; i++)
        {
            var want = tensor.Shape[i];
            if (dims[i] <= 0)
            {
                continue; // symbolic in the model: accepts whatever the engine feeds
            }

            if (want.Size is { } size && dims[i] != size)
            {
                problems.Add($"{kind} '{tensor.Name}' dim {i} is {dims[i]} {Describe(meta)}, contract {size} {tensor.ShapeText}");
            }
            else if (want.Symbol is { } symbol)
            {
                if (fixedSymbols.TryGetValue(symbol, out var seen) && seen != dims[i])
                {
                    problems.Add($"{kind} '{tensor.Name}' dim {i} ('{symbol}') is {dims[i]}, but {seen} elsewhere in the model");
                }
                else
                {
                    fixedSymbols[symbol] = dims[i];
                }
            }
        }
    }

    private static string Describe(NodeMetadata meta) =>
        $"[{string.Join(", ", meta.Dimensions.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : Symbolic(meta, i)))}]";

    private static string Symbolic(NodeMetadata meta, int i) =>
        meta.SymbolicDimensions.Length > i && !string.IsNullOrEmpty(meta.SymbolicDimensions[i]) ? meta.SymbolicDimensions[i] : "?";
}
