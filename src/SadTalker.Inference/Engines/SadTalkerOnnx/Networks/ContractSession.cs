using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>
/// One ONNX session checked against its pack contract when it is opened, so a wrong file fails at load with the
/// model and tensor named, never mid-render. Shared plumbing of the per-network wrappers; runs with the OrtValue API.
/// </summary>
internal sealed class ContractSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public ContractSession(SessionFactory sessions, string packDirectory, ModelContract contract)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        Contract = contract ?? throw new ArgumentNullException(nameof(contract));
        var path = Path.Combine(packDirectory, contract.File);
        _session = sessions.CreateSession(path);
        var problems = new List<string>();
        var fixedSymbols = new Dictionary<string, int>(StringComparer.Ordinal);
        TensorMetadataComparer.Compare("input", contract.Inputs, _session.InputMetadata, extraAllowed: false, problems, fixedSymbols);
        TensorMetadataComparer.Compare("output", contract.Outputs, _session.OutputMetadata, extraAllowed: true, problems, fixedSymbols);
        if (problems.Count > 0)
        {
            _session.Dispose();
            throw new InvalidDataException($"{contract.Id} ({path}) does not match the model contract: {string.Join("; ", problems)}.");
        }

        // The leading dimension of every contract tensor is the batch ("batch" or "chunks"); a model may pin it.
        var batchSymbol = contract.Inputs[0].Shape[0].Symbol;
        MaxBatch = batchSymbol is not null && fixedSymbols.TryGetValue(batchSymbol, out var pinned) ? pinned : int.MaxValue;
        FixedBatch = MaxBatch != int.MaxValue;
        _inputNames = contract.Inputs.Select(t => t.Name).ToArray();
        _outputNames = contract.Outputs.Select(t => t.Name).ToArray();
    }

    public ModelContract Contract { get; }

    /// <summary>Largest batch one run takes: the model's pinned batch, or unlimited.</summary>
    public int MaxBatch { get; }

    /// <summary>True when the model pins its batch: shorter batches must be padded to <see cref="MaxBatch"/>.</summary>
    public bool FixedBatch { get; }

    /// <summary>Runs with inputs in contract order; outputs come back in contract order. The caller disposes them.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyList<OrtValue> inputs)
    {
        using var options = new RunOptions();
        try
        {
            return _session.Run(options, _inputNames, inputs, _outputNames);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidOperationException($"{Contract.Id} ({Contract.File}) failed to run: {ex.Message}", ex);
        }
    }

    /// <summary>Runs into caller-owned <paramref name="outputs"/> (contract order, shapes as the model produces), so a per-frame model allocates nothing per run.</summary>
    public void Run(IReadOnlyList<OrtValue> inputs, IReadOnlyList<OrtValue> outputs)
    {
        using var options = new RunOptions();
        try
        {
            _session.Run(options, _inputNames, inputs, _outputNames, outputs);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidOperationException($"{Contract.Id} ({Contract.File}) failed to run: {ex.Message}", ex);
        }
    }

    /// <summary>The batches [start, start + count) for <paramref name="rows"/> rows under <see cref="MaxBatch"/>.</summary>
    public IEnumerable<(int Start, int Count)> Batches(int rows, int preferred = int.MaxValue)
    {
        var size = Math.Max(1, Math.Min(MaxBatch, preferred));
        for (var start = 0; start < rows; start += size)
        {
            yield return (start, Math.Min(size, rows - start));
        }
    }

    /// <summary>A float tensor of <paramref name="count"/> rows of <paramref name="rowShape"/>, padded by repeating the last row when the batch is pinned.</summary>
    /// <remarks>
    /// The tensor is allocated by ONNX Runtime (64-byte aligned), not pinned from a managed array: CPU kernels split
    /// vectorised sums by alignment, so a managed buffer (8- or 16-byte aligned, varying run to run) made seeded
    /// renders differ in the 6th digit.
    /// </remarks>
    public OrtValue Tensor(ReadOnlySpan<float> rows, int count, params long[] rowShape)
    {
        var rowLength = (int)rowShape.Aggregate(1L, (a, b) => a * b);
        var batch = FixedBatch ? MaxBatch : count;
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [batch, .. rowShape]);
        var data = value.GetTensorMutableDataAsSpan<float>();
        rows[..(count * rowLength)].CopyTo(data);
        for (var b = count; b < batch; b++)
        {
            rows.Slice((count - 1) * rowLength, rowLength).CopyTo(data[(b * rowLength)..]);
        }

        return value;
    }

    /// <summary>An int64 tensor of shape [batch] holding <paramref name="value"/> in every row.</summary>
    public OrtValue Int64Rows(long value, int count)
    {
        var batch = FixedBatch ? MaxBatch : count;
        var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Int64, [batch]);
        tensor.GetTensorMutableDataAsSpan<long>().Fill(value);
        return tensor;
    }

    public void Dispose() => _session.Dispose();
}
