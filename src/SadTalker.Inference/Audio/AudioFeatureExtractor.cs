using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;

namespace SadTalker.Inference.Audio;

/// <summary>
/// Builds <see cref="AudioFeatures"/> from 16 kHz mono samples that arrive in pieces, keeping only a short tail of
/// the signal: memory grows by ~1 KiB of features per video frame, not by the 2.5 KiB of samples behind it.
/// </summary>
/// <remarks>
/// The result is bit-identical to <see cref="MelSpectrogram.Compute"/> and <see cref="LoudnessEnvelope.ComputeDbfs"/>
/// over the concatenated samples, however they are split. A mel step is computed once every sample it reads is final:
/// samples past the last whole 640-sample frame may still be cut off by the ⌊N/640⌋ truncation, so steps reading them
/// wait for more input or for <see cref="Complete"/>.
/// </remarks>
public sealed class AudioFeatureExtractor
{
    private const int Bands = MelSpectrogram.MelBands;
    private const int Hop = MelSpectrogram.HopLength;
    private const int FrameSize = MelSpectrogram.SamplesPerFrame;
    private const int HalfWindow = MelSpectrogram.FftSize / 2;

    // Pieces larger than this are split, which bounds the history: (639 uncommitted + 801 window) + Chunk < 8192.
    private const int Chunk = 4096;

    private readonly MelStepKernel _kernel = new();
    private float[] _history = new float[8192];
    private long _historyStart;
    private int _historyCount;
    // Mel rows are kept in fixed blocks while streaming and copied once into an exact array at Complete, so the
    // features cost ~1 KiB per video frame to keep and ~2 KiB per frame allocated in all (no doubling slack).
    // An even block size keeps the kernel's (2j, 2j+1) frame pairing whatever the split.
    private const int BlockSteps = 1024;
    // Longest clip a size hint may pre-allocate for (1 hour: 288 001 steps, 92 MB); longer hints are ignored.
    private const int MaxHintSteps = 288_001;
    private readonly int _blockSteps = BlockSteps;
    private readonly List<float[]> _blocks = [];
    private int _nextStep;
    private float[] _loudness = new float[64];
    private int _loudnessCount;
    private double _sumOfSquares;
    private int _frameFill;
    private bool _completed;

    public AudioFeatureExtractor()
    {
    }

    /// <param name="expectedSteps">
    /// Mel steps the input is expected to give (from its probed duration): the first block is made that large, so a
    /// clip that fits is returned without the final copy (which otherwise holds the spectrogram twice for a moment).
    /// A wrong hint costs nothing but that: more steps open further blocks as usual.
    /// </param>
    public AudioFeatureExtractor(int expectedSteps)
    {
        if (expectedSteps is > BlockSteps and <= MaxHintSteps)
        {
            _blockSteps = (expectedSteps + 33) & ~1; // a little slack for container rounding; even, for the frame pairing
        }
    }

    /// <summary>Samples appended so far.</summary>
    public long SampleCount { get; private set; }

    /// <summary>Features of <paramref name="samples"/> in one call.</summary>
    public static AudioFeatures Extract(ReadOnlySpan<float> samples)
    {
        var extractor = new AudioFeatureExtractor();
        extractor.Append(samples);
        return extractor.Complete();
    }

    /// <summary>Decodes <paramref name="path"/> with ffmpeg (see <see cref="AudioDecoder"/>) and extracts features while it streams.</summary>
    public static Task<AudioFeatures> ExtractFromFileAsync(string path, CancellationToken cancellationToken) =>
        ExtractFromFileAsync(path, MediaTool.Ffmpeg, cancellationToken);

    /// <inheritdoc cref="ExtractFromFileAsync(string, CancellationToken)"/>
    public static async Task<AudioFeatures> ExtractFromFileAsync(
        string path, MediaTool ffmpeg, CancellationToken cancellationToken)
    {
        var extractor = new AudioFeatureExtractor(await ExpectedStepsAsync(path, cancellationToken).ConfigureAwait(false));
        await using var reader = AudioDecoder.Open(path, ffmpeg);
        var buffer = new float[MelSpectrogram.SampleRate];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            extractor.Append(buffer.AsSpan(0, read));
        }

        return extractor.Complete();
    }

    /// <summary>The mel steps of <paramref name="path"/>'s probed duration, or 0 when it cannot be probed (the decoder then reports why).</summary>
    private static async Task<int> ExpectedStepsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var duration = (await MediaProbe.ProbeAsync(path, cancellationToken).ConfigureAwait(false)).Duration;
            return duration is { } d && d.TotalHours <= 1
                ? MelSpectrogram.StepCount((int)(d.TotalSeconds * MelSpectrogram.FramesPerSecond))
                : 0;
        }
        catch (Exception ex) when (ex is MediaToolException or InvalidDataException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>Adds samples; computes every mel step and loudness frame they complete.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called.</exception>
    public void Append(ReadOnlySpan<float> samples)
    {
        ThrowIfCompleted();
        while (!samples.IsEmpty)
        {
            var chunk = samples[..Math.Min(samples.Length, Chunk)];
            samples = samples[chunk.Length..];
            Store(chunk);
            AccumulateLoudness(chunk);
            SampleCount += chunk.Length;

            // Pairs (t, t+1) whose last window ends inside the committed (whole-frame) part of the signal.
            var committed = FrameSize * (SampleCount / FrameSize);
            var pairs = 0;
            while ((((long)(_nextStep + (2 * pairs) + 1) * Hop) + HalfWindow) <= committed)
            {
                pairs++;
            }

            ComputeSteps(2 * pairs, committed);
        }
    }

    /// <summary>Ends the input: applies the ⌊N/640⌋ truncation and computes the remaining steps.</summary>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public AudioFeatures Complete()
    {
        ThrowIfCompleted();
        var frames = MelSpectrogram.FrameCount(SampleCount);
        var steps = MelSpectrogram.StepCount(frames);
        ComputeSteps(steps - _nextStep, (long)frames * FrameSize);
        _completed = true;
        _history = [];

        ReadOnlyMemory<float> mel;
        if (_blocks.Count == 1)
        {
            mel = _blocks[0].AsMemory(0, steps * Bands); // it all fit in the first block: no copy
        }
        else
        {
            var whole = new float[steps * Bands];
            for (var b = 0; b < _blocks.Count; b++)
            {
                var rows = Math.Min(_blockSteps, steps - (b * _blockSteps));
                _blocks[b].AsSpan(0, rows * Bands).CopyTo(whole.AsSpan(b * _blockSteps * Bands));
            }

            mel = whole;
        }

        _blocks.Clear();
        return new AudioFeatures(frames, mel, _loudness.AsMemory(0, _loudnessCount));
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("Complete() was already called; start a new extractor.");
        }
    }

    private void ComputeSteps(int count, long length)
    {
        if (count <= 0)
        {
            return;
        }

        // Split at block boundaries; every piece but a final odd one starts and ends on an even step.
        var end = _nextStep + count;
        while (_nextStep < end)
        {
            var block = _nextStep / _blockSteps;
            if (block == _blocks.Count)
            {
                _blocks.Add(new float[_blockSteps * Bands]);
            }

            var row = _nextStep % _blockSteps;
            var rows = Math.Min(end - _nextStep, _blockSteps - row);
            _kernel.ComputeSteps(
                _history.AsSpan(0, _historyCount), _historyStart, length, _nextStep, rows,
                _blocks[block].AsSpan(row * Bands, rows * Bands));
            _nextStep += rows;
        }
    }

    /// <summary>Drops samples no pending step reads (x[200t − 401] is the oldest), then appends the chunk.</summary>
    private void Store(ReadOnlySpan<float> chunk)
    {
        var keepFrom = Math.Max(0, ((long)_nextStep * Hop) - HalfWindow - 1);
        var drop = (int)Math.Clamp(keepFrom - _historyStart, 0, _historyCount);
        if (drop > 0)
        {
            _history.AsSpan(drop, _historyCount - drop).CopyTo(_history);
            _historyCount -= drop;
            _historyStart += drop;
        }

        if (_historyCount + chunk.Length > _history.Length)
        {
            Array.Resize(ref _history, _historyCount + chunk.Length);
        }

        chunk.CopyTo(_history.AsSpan(_historyCount));
        _historyCount += chunk.Length;
    }

    private void AccumulateLoudness(ReadOnlySpan<float> chunk)
    {
        foreach (var x in chunk)
        {
            _sumOfSquares += (double)x * x;
            if (++_frameFill < FrameSize)
            {
                continue;
            }

            if (_loudnessCount == _loudness.Length)
            {
                Array.Resize(ref _loudness, _loudness.Length * 2);
            }

            _loudness[_loudnessCount++] = LoudnessEnvelope.FromSumOfSquares(_sumOfSquares);
            _sumOfSquares = 0;
            _frameFill = 0;
        }
    }
}
