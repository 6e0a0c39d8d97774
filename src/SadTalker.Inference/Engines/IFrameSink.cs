namespace SadTalker.Inference.Engines;

/// <summary>
/// Where an engine streams its frames, in order. Frames are not kept: a sink encodes or inspects each one and returns,
/// so memory does not grow with the audio length. Writes may wait (back-pressure from the encoder).
/// </summary>
public interface IFrameSink
{
    /// <summary>Called once before the first frame.</summary>
    /// <param name="width">Frame width in pixels (even).</param>
    /// <param name="height">Frame height in pixels (even).</param>
    /// <param name="frameCount">How many frames will follow (25 per second of audio).</param>
    ValueTask BeginAsync(int width, int height, int frameCount, CancellationToken cancellationToken);

    /// <summary>One RGB24 frame, width·height·3 bytes, rows top to bottom. The buffer may be reused once this returns.</summary>
    ValueTask WriteFrameAsync(ReadOnlyMemory<byte> rgb24, CancellationToken cancellationToken);
}
