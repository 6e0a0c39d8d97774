namespace SadTalker.Inference.Engines.SadTalkerOnnx.Contract;

/// <summary>An input or output tensor as the model pack contract (models/manifest.json) defines it.</summary>
/// <param name="Name">The graph input/output name.</param>
/// <param name="DType">Element type in numpy spelling: float32, float16, int64, int32, uint8.</param>
/// <param name="Shape">Dimensions, fixed or symbolic.</param>
/// <param name="Description">Layout, value range and meaning, for messages and the README.</param>
public sealed record TensorContract(string Name, string DType, IReadOnlyList<TensorDim> Shape, string Description)
{
    /// <summary>"[batch, 3, 256, 256]".</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
