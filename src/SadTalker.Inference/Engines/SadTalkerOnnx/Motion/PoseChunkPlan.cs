namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>How PoseVAE's 32-frame chunks cover a clip and where their outputs go (sadtalker-facts.md §6 stitching).</summary>
/// <remarks>
/// Frame 0's motion is 0. Frames 1..F−1 are cut into ⌊(F−1)/32⌋ disjoint chunks; a remainder r &gt; 0 runs one more chunk
/// on the <b>last</b> 32 windows and keeps its last r outputs. When F−1 &lt; 32 that chunk is front-padded by
/// repeating its first window. No overlap, no cross-fade. The ONNX model takes the mel windows (the reference pads the
/// audio embeddings instead; the encoder is per frame, so padding windows gives the same embeddings).
/// </remarks>
public sealed class PoseChunkPlan
{
    /// <summary>Frames per chunk (SEQ_LEN in auido2pose.yaml).</summary>
    public const int ChunkLength = 32;

    private PoseChunkPlan(int frames, int[] sources, int[] targets) => (Frames, _sources, _targets) = (frames, sources, targets);

    private readonly int[] _sources;
    private readonly int[] _targets;

    public int Frames { get; }

    public int ChunkCount => _sources.Length / ChunkLength;

    /// <summary>Video frames whose mel windows fill chunk <paramref name="chunk"/>, in order (32 values).</summary>
    public ReadOnlySpan<int> SourceFrames(int chunk) => _sources.AsSpan(chunk * ChunkLength, ChunkLength);

    /// <summary>For each output position of the chunk, the video frame it becomes, or −1 when discarded.</summary>
    public ReadOnlySpan<int> TargetFrames(int chunk) => _targets.AsSpan(chunk * ChunkLength, ChunkLength);

    public static PoseChunkPlan Create(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        var driven = frames - 1;
        var (full, rest) = Math.DivRem(driven, ChunkLength);
        var chunks = full + (rest > 0 ? 1 : 0);
        var sources = new int[chunks * ChunkLength];
        var targets = new int[chunks * ChunkLength];
        for (var i = 0; i < full * ChunkLength; i++)
        {
            sources[i] = targets[i] = 1 + i;
        }

        if (rest > 0)
        {
            var offset = full * ChunkLength;
            var firstTail = Math.Max(1, frames - ChunkLength);
            var pad = ChunkLength - (frames - firstTail);
            for (var p = 0; p < ChunkLength; p++)
            {
                sources[offset + p] = p < pad ? firstTail : firstTail + p - pad;
                targets[offset + p] = p >= ChunkLength - rest ? frames - ChunkLength + p : -1;
            }
        }

        return new PoseChunkPlan(frames, sources, targets);
    }
}
