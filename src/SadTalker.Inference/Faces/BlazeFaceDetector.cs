using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Faces;

/// <summary>
/// MediaPipe BlazeFace short-range face detector over one ONNX session, created once and reused. Accepts the front
/// (128x128, faces filling much of the frame) or back (256x256, smaller faces) export; the input size is read from
/// the model. Thread-safe: ONNX Runtime sessions allow concurrent <c>Run</c> calls and each call owns its buffers.
/// </summary>
/// <remarks>
/// Prefer the front model for portraits: at the default 0.5 threshold the back model also "finds" faces in the
/// coffee and cat test fixtures (scores 0.67 and 0.78), while the front model stays below 0.5 on both.
/// </remarks>
public sealed class BlazeFaceDetector : IDisposable
{
    private readonly InferenceSession _session;
    private readonly BlazeFaceLayout _layout;
    private readonly BlazeFaceDetectorOptions _options;
    private bool _disposed;

    public BlazeFaceDetector(SessionFactory sessions, string modelPath, BlazeFaceDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        _options = options ?? new BlazeFaceDetectorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MinScore);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.IouThreshold);

        _session = sessions.CreateSession(modelPath);
        try
        {
            _layout = BlazeFaceLayout.FromSession(_session, modelPath);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>Side of the square model input in pixels (128 front, 256 back).</summary>
    public int InputSize => _layout.InputSize;

    /// <summary>Detects faces, best first, in <paramref name="image"/> pixel coordinates.</summary>
    public IReadOnlyList<FaceDetection> Detect(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var size = _layout.InputSize;
        // Pooled buffers: the enhancer runs this on every frame of a long clip, and a fresh 196 KB input per call
        // went to the large object heap, whose garbage grew the peak RSS with the clip length.
        var length = size * size * RgbImage.Channels;
        var input = ArrayPool<float>.Shared.Rent(length);
        var letterboxed = ArrayPool<byte>.Shared.Rent(length);
        LetterboxTransform transform;
        try
        {
            transform = Letterbox.Fit(image, size, letterboxed);
            Normalize(letterboxed.AsSpan(0, length), input.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(letterboxed);
        }

        var candidates = new List<FaceDetection>();
        try
        {
            using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, length), [1, size, size, RgbImage.Channels]);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [_layout.InputName], [inputValue], _layout.OutputNames);

            // Outputs come back in the requested order: all score tensors, then all regression tensors.
            var heads = _layout.Heads;
            for (var h = 0; h < heads.Count; h++)
            {
                BlazeFaceDecoder.Decode(
                    heads[h],
                    outputs[h].GetTensorDataAsSpan<float>(),
                    outputs[heads.Count + h].GetTensorDataAsSpan<float>(),
                    size,
                    transform,
                    _options.MinScore,
                    candidates);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }

        return WeightedNms.Apply(candidates, _options.IouThreshold);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }

    /// <summary>RGB bytes to the model's input range: v = b / 127.5 - 1, so [0, 255] maps to [-1, 1].</summary>
    private static void Normalize(ReadOnlySpan<byte> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (source[i] / 127.5f) - 1f;
        }
    }
}
