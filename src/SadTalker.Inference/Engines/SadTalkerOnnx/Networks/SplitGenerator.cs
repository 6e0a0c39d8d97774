using SadTalker.Inference.Engines.SadTalkerOnnx.Contract;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

/// <summary>The faster renderer path: the encoder runs once per job, the decoder per frame (the reference re-encodes every frame, §12).</summary>
public sealed class SplitGenerator : IFaceRenderer
{
    private readonly GeneratorEncoder _encoder;
    private readonly GeneratorDecoder _decoder;

    public SplitGenerator(SessionFactory sessions, string packDirectory, PackContract pack, int size)
    {
        _encoder = new GeneratorEncoder(sessions, packDirectory, pack, size);
        try
        {
            _decoder = new GeneratorDecoder(sessions, packDirectory, pack, size);
        }
        catch
        {
            _encoder.Dispose();
            throw;
        }
    }

    public int Size => _encoder.Size;

    public int MaxBatch => _decoder.MaxBatch;

    public void SetSource(RgbImage source) => _decoder.SetVolume(_encoder.Encode(source));

    public void Render(ReadOnlySpan<float> kpSource, ReadOnlySpan<float> kpDriving, int count, Span<byte> frames) =>
        _decoder.Render(kpSource, kpDriving, count, frames);

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }
}
