using System.Globalization;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>One dimension of a contract shape: a fixed size, or a named symbolic size ("batch", "chunks").</summary>
/// <remarks>A fixed dimension must match the model exactly; a symbolic one matches any size the model declares.</remarks>
public readonly record struct TensorDim
{
    private TensorDim(int? size, string? symbol) => (Size, Symbol) = (size, symbol);

    /// <summary>The fixed size, or null for a symbolic dimension.</summary>
    public int? Size { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Symbol { get; }

    public static TensorDim Fixed(int size) =>
        size > 0 ? new(size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "A fixed dimension must be positive.");

    public static TensorDim Named(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new(null, symbol);
    }

    public override string ToString() => Symbol ?? Size!.Value.ToString(CultureInfo.InvariantCulture);
}
