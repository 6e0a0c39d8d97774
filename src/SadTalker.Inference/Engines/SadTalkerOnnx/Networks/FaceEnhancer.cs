using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>
/// The optional GFPGAN-style restorer (sadtalker-facts.md §8; pack role <c>enhancer</c>, gfpgan_512.onnx): one
/// FFHQ-aligned 512² RGB face in, the restored face out. One instance serves one render, frame after frame.
/// </summary>
/// <remarks>
/// <code>
/// input[c, y, x]  = (pixel(x, y, c)/255 − 0.5)/0.5 = pixel·2/255 − 1      (GFPGANer: img2tensor, normalize 0.5/0.5)
/// restored(x, y, c) = round(clamp((output[c, y, x] + 1)/2, 0, 1)·255)     (basicsr tensor2img, min_max (−1, 1))
/// </code>
/// The input and output tensors and the float planes are allocated once and every run writes into them, so a long
/// clip allocates nothing per frame here (not even the 3 MB native output ONNX Runtime would make per run). The reference's clean arch draws random
/// StyleGAN noise unless exported with fixed noise (the manifest's source asks for fixed noise).
/// </remarks>
public sealed class FaceEnhancer : IDisposable
{
    private const int Size = FfhqAlignment.FaceSize;
    private const int Plane = Size * Size;

    private readonly ContractSession _session;
    private readonly OrtValue _input;
    private readonly OrtValue _output;
    private readonly OrtValue[] _inputs;
    private readonly float[] _planes = new float[3 * Plane];

    public FaceEnhancer(SessionFactory sessions, string packDirectory, PackContract pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        _session = new ContractSession(sessions, packDirectory, pack.Find(ModelRoles.Enhancer) ?? throw new InvalidDataException("The pack contract has no enhancer."));
        _input = _session.Empty(1, 3, Size, Size);
        _input.GetTensorMutableDataAsSpan<float>().Clear();
        _output = _session.Empty(1, 3, Size, Size);
        _inputs = [_input];
    }

    /// <summary>Restores one aligned face: <paramref name="aligned"/> and <paramref name="restored"/> are 512² RGB24.</summary>
    public void Restore(ReadOnlySpan<byte> aligned, Span<byte> restored)
    {
        if (aligned.Length != 3 * Plane || restored.Length != 3 * Plane)
        {
            throw new ArgumentException($"The enhancer takes and returns {Size}x{Size} RGB24 faces ({3 * Plane} bytes).");
        }

        var input = _input.GetTensorMutableDataAsSpan<float>()[..(3 * Plane)];
        for (var i = 0; i < Plane; i++)
        {
            input[i] = aligned[3 * i];
            input[Plane + i] = aligned[(3 * i) + 1];
            input[(2 * Plane) + i] = aligned[(3 * i) + 2];
        }

        TensorPrimitives.Multiply(input, 2f / 255f, input);
        TensorPrimitives.Add(input, -1f, input);
        _session.RunInto(_inputs, _output);
        TensorPrimitives.Multiply(_output.GetTensorDataAsSpan<float>()[..(3 * Plane)], 127.5f, _planes);
        TensorPrimitives.Add(_planes, 127.5f, _planes);
        TensorPrimitives.Max(_planes, 0f, _planes);
        TensorPrimitives.Min(_planes, 255f, _planes);
        for (var i = 0; i < Plane; i++)
        {
            restored[3 * i] = (byte)MathF.Round(_planes[i]);
            restored[(3 * i) + 1] = (byte)MathF.Round(_planes[Plane + i]);
            restored[(3 * i) + 2] = (byte)MathF.Round(_planes[(2 * Plane) + i]);
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
        _session.Dispose();
    }
}
