using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Media;

/// <summary>
/// Decodes the first audio stream of any file ffmpeg reads (wav, mp3, m4a, the audio track of a video, ...) to
/// 16 kHz mono float32 in [−1, 1], the form SadTalker's <c>librosa.load(path, sr=16000)</c> produces.
/// </summary>
/// <remarks>
/// ffmpeg runs <c>-map 0:a:0 -af aresample=16000:resampler=soxr:rematrix_maxval=1 -ac 1 -f f32le -</c>:
/// channels are averaged (rematrix_maxval=1 scales ffmpeg's 1/√2 stereo downmix to 1/2, librosa's mean; layouts
/// beyond stereo get ffmpeg's normalised downmix, not a plain mean) and resampled with SoX's resampler at its
/// default 20-bit precision, which is librosa 0.10's default <c>soxr_hq</c>. (SadTalker pins librosa 0.9.2, whose
/// default is resampy <c>kaiser_best</c>; the two differ by far less than the mel tolerance.) 16-bit PCM at 16 kHz
/// comes out exactly as sample/32768.
/// </remarks>
public static class AudioDecoder
{
    /// <summary>Output sample rate.</summary>
    public const int SampleRate = 16000;

    /// <inheritdoc cref="DecodeAsync(string, MediaTool, CancellationToken)"/>
    public static Task<float[]> DecodeAsync(string path, CancellationToken cancellationToken) =>
        DecodeAsync(path, MediaTool.Ffmpeg, cancellationToken);

    /// <summary>Decodes the whole file into one array (4 bytes per sample: 3.8 MiB per minute).</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="MediaToolException">ffmpeg failed; the message carries its stderr.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg has been killed.</exception>
    public static async Task<float[]> DecodeAsync(string path, MediaTool ffmpeg, CancellationToken cancellationToken)
    {
        await using var reader = Open(path, ffmpeg);
        var samples = new float[SampleRate * 16];
        var count = 0;
        while (true)
        {
            if (count == samples.Length)
            {
                Array.Resize(ref samples, samples.Length * 2);
            }

            var read = await reader.ReadAsync(samples.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return samples.AsSpan(0, count).ToArray();
            }

            count += read;
        }
    }

    /// <inheritdoc cref="Open(string, MediaTool)"/>
    public static AudioSampleReader Open(string path) => Open(path, MediaTool.Ffmpeg);

    /// <summary>Starts ffmpeg and returns a reader that streams the samples; dispose it to stop ffmpeg early.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="MediaToolException">ffmpeg could not be started.</exception>
    public static AudioSampleReader Open(string path, MediaTool ffmpeg)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(ffmpeg);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("f32le samples are reinterpreted in place, which needs a little-endian CPU.");
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Audio file not found: {fullPath}", fullPath);
        }

        string[] arguments =
        [
            "-v", "error", "-nostdin",
            // The file: prefix keeps names containing ':' from being read as another ffmpeg protocol.
            "-i", "file:" + fullPath,
            "-map", "0:a:0",
            "-af", $"aresample={SampleRate}:resampler=soxr:rematrix_maxval=1",
            "-ac", "1", "-ar", $"{SampleRate}", "-f", "f32le", "-",
        ];
        return new AudioSampleReader(MediaProcess.Start(ffmpeg, arguments, keepInput: false), fullPath);
    }
}
