using System.Globalization;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>
/// Accepts or refuses an uploaded audio file (or a video's sound track). In order: size limit (before reading),
/// ffprobe restricted to an allow list of demuxers, codec allow list, duration limit from the probe, then one ffmpeg
/// run that decodes once into both the 16 kHz mono PCM for the engines and an AAC .m4a for the browser (the duration
/// limit is enforced again on the decoded samples), then the waveform PNG. A refusal is an
/// <see cref="IntakeException"/> and leaves no file behind.
/// </summary>
public sealed class AudioIntake
{
    /// <summary>Sample rate of the engine WAV: SadTalker loads audio at 16 kHz mono (librosa, <c>src/utils/audio.py</c>, cd4c046).</summary>
    public const int EngineSampleRate = 16000;

    /// <summary>
    /// ffmpeg demuxers allowed to open an upload (ffprobe and ffmpeg <c>-format_whitelist</c>): WAV, MP3, MP4/M4A/MOV,
    /// Ogg, FLAC, raw ADTS AAC, Matroska/WebM. Everything else, playlists (HLS, concat) included, is refused before
    /// any demuxer reads it, so an upload cannot make ffmpeg open other files or URLs.
    /// </summary>
    public const string AllowedDemuxers = "wav,mp3,mov,mp4,m4a,ogg,flac,aac,matroska,webm";

    private const string AcceptedFormats = "Upload WAV, MP3, M4A/AAC, OGG (Opus or Vorbis), FLAC, or an MP4/WebM video with sound.";

    private readonly IntakeLimits _limits;
    private readonly MediaTool _ffprobe;
    private readonly MediaTool _ffmpeg;

    public AudioIntake(IntakeLimits? limits = null, MediaTool? ffprobe = null, MediaTool? ffmpeg = null)
    {
        _limits = limits ?? new IntakeLimits();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_limits.MaxAudioBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_limits.MaxAudioDuration, TimeSpan.Zero);
        _ffprobe = ffprobe ?? MediaTool.Ffprobe;
        _ffmpeg = ffmpeg ?? MediaTool.Ffmpeg;
    }

    /// <param name="sourcePath">The uploaded file, under whatever name the server gave it; its name is never read.</param>
    /// <param name="workDir">Where the derived files go; created if missing.</param>
    /// <exception cref="IntakeException">The upload is refused; the message is for the uploader.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="sourcePath"/> does not exist.</exception>
    /// <exception cref="MediaToolException">ffmpeg or ffprobe could not be started (a server problem).</exception>
    public async Task<AudioIntakeResult> ProcessAsync(string sourcePath, string workDir, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentException.ThrowIfNullOrEmpty(workDir);

        var fullPath = Path.GetFullPath(sourcePath);
        var byteCount = SourceFile.CheckSize(
            fullPath, _limits.MaxAudioBytes, "audio files", IntakeErrorCodes.AudioEmpty, IntakeErrorCodes.AudioTooLarge);
        var probe = await ProbeAsync(fullPath, cancellationToken).ConfigureAwait(false);
        var audio = probe.Audio ?? throw new IntakeException(
            IntakeErrorCodes.AudioNoAudioStream,
            probe.HasVideo ? "The video has no sound track." : "The file contains no audio.");
        if (!IsAllowedCodec(audio.CodecName))
        {
            throw new IntakeException(
                IntakeErrorCodes.AudioUnsupported, $"Audio encoded as '{audio.CodecName}' is not supported. {AcceptedFormats}");
        }

        if (probe.Duration > _limits.MaxAudioDuration)
        {
            throw TooLong(probe.Duration.Value);
        }

        var outputs = new OutputFiles(workDir);
        try
        {
            var playbackPath = outputs.Reserve("playback.m4a");
            var rawPath = outputs.Reserve("16k.raw");
            await DecodeAsync(fullPath, audio, rawPath, playbackPath, cancellationToken).ConfigureAwait(false);

            // The PCM stays on disk: memory does not grow with the length of the upload.
            var sampleCount = new FileInfo(rawPath).Length / sizeof(short);
            if (sampleCount == 0)
            {
                throw new IntakeException(IntakeErrorCodes.AudioEmpty, "The audio track is empty (it holds no sound samples).");
            }

            if (sampleCount > _limits.MaxAudioDuration.TotalSeconds * EngineSampleRate)
            {
                throw TooLong(TimeSpan.FromSeconds((double)sampleCount / EngineSampleRate));
            }

            var minima = new short[WaveformRenderer.DefaultWidth];
            var maxima = new short[WaveformRenderer.DefaultWidth];
            await using (var raw = new FileStream(rawPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                await WaveformRenderer.ComputePeaksAsync(raw, sampleCount, minima, maxima, cancellationToken).ConfigureAwait(false);
            }

            var waveform = new RgbImage(WaveformRenderer.DefaultWidth, WaveformRenderer.DefaultHeight);
            WaveformRenderer.Draw(minima, maxima, waveform.Span, waveform.Width, waveform.Height);
            var waveformPng = await RgbPngEncoder.EncodeAsync(waveform, _ffmpeg, cancellationToken).ConfigureAwait(false);

            var wavPath = outputs.Reserve("16k.wav");
            var waveformPath = outputs.Reserve("waveform.png");
            var dataBytes = sampleCount * sizeof(short);
            await outputs.WriteAsync(wavPath, PcmWav.Header(EngineSampleRate, 1, dataBytes), default, cancellationToken).ConfigureAwait(false);
            await using (var wav = new FileStream(wavPath, FileMode.Append, FileAccess.Write, FileShare.None, 81920))
            await using (var raw = new FileStream(rawPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan))
            {
                await raw.CopyToAsync(wav, cancellationToken).ConfigureAwait(false);
            }

            File.Delete(rawPath);
            await outputs.WriteAsync(waveformPath, waveformPng, default, cancellationToken).ConfigureAwait(false);

            return new AudioIntakeResult(
                (double)sampleCount / EngineSampleRate, audio.SampleRate, audio.Channels, audio.CodecName, probe.FormatName,
                probe.HasVideo, byteCount, sampleCount, wavPath, playbackPath, waveformPath);
        }
        catch
        {
            outputs.DeleteAll();
            throw;
        }
    }

    private static bool IsAllowedCodec(string codec) =>
        codec.StartsWith("pcm_", StringComparison.Ordinal) || codec is "mp3" or "aac" or "opus" or "vorbis" or "flac";

    private async Task<FfprobeReport> ProbeAsync(string fullPath, CancellationToken cancellationToken)
    {
        MediaToolResult result;
        try
        {
            // The file: prefix keeps a name containing ':' from being read as another protocol.
            result = await _ffprobe.RunAsync(
                ["-v", "error", "-protocol_whitelist", "file", "-format_whitelist", AllowedDemuxers,
                 "-show_format", "-show_streams", "-of", "json", "file:" + fullPath],
                cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolException ex) when (ex.ExitCode is not null)
        {
            // ffprobe's own words ("Invalid data found", "Format not on whitelist") mean nothing to an uploader.
            var kind = FileKindGuesser.Describe(await ReadStartAsync(fullPath, cancellationToken).ConfigureAwait(false));
            var what = kind is null
                ? "The file is not in a supported audio format."
                : $"The file looks like {kind}, which is not supported here.";
            throw new IntakeException(IntakeErrorCodes.AudioUnsupported, $"{what} {AcceptedFormats}", ex);
        }

        return FfprobeReport.Parse(result.StandardOutput);
    }

    /// <summary>One ffmpeg run, two outputs on disk: 16 kHz mono s16le (headerless) and the browser .m4a.</summary>
    private async Task DecodeAsync(
        string fullPath, FfprobeAudioStream audio, string rawPath, string playbackPath, CancellationToken cancellationToken)
    {
        // One second of slack past the limit, per output, so an over-long file shows up as too many samples; this
        // also caps memory when the probe's duration was wrong (VBR MP3 without a header, concatenated files).
        var limit = (_limits.MaxAudioDuration.TotalSeconds + 1).ToString("0.###", CultureInfo.InvariantCulture);
        List<string> arguments =
        [
            "-v", "error", "-nostdin", "-protocol_whitelist", "file", "-format_whitelist", AllowedDemuxers,
            "-i", "file:" + fullPath,

            // Engine input. -ac 1 averages the channels (0.5 L + 0.5 R for stereo), as librosa's mono=True does;
            // soxr is the resampler of librosa 0.10's default (soxr_hq).
            "-map", "0:a:0", "-t", limit, "-af", "aresample=resampler=soxr", "-ac", "1",
            "-ar", EngineSampleRate.ToString(CultureInfo.InvariantCulture), "-c:a", "pcm_s16le", "-f", "s16le", "file:" + rawPath,

            // Browser playback: AAC-LC in MP4 with the index first, so playback starts before the download ends.
            "-map", "0:a:0", "-t", limit, "-map_metadata", "-1", "-map_chapters", "-1", "-c:a", "aac", "-b:a", "96k",
        ];
        if (audio.Channels > 2)
        {
            arguments.AddRange(["-ac", "2"]);
        }

        if (audio.SampleRate > 48000)
        {
            arguments.AddRange(["-ar", "48000"]);
        }

        arguments.AddRange(["-movflags", "+faststart", "-f", "mp4", "file:" + playbackPath]);
        try
        {
            await _ffmpeg.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaToolException ex) when (ex.ExitCode is not null)
        {
            throw new IntakeException(
                IntakeErrorCodes.AudioCorrupt,
                $"The audio could not be decoded ({FfmpegErrorSummary.Summarize(ex.StandardError, fullPath)}).",
                ex);
        }
    }

    private IntakeException TooLong(TimeSpan duration) =>
        new(IntakeErrorCodes.AudioTooLong,
            $"The audio is {Minutes(duration)} long; the limit is {Minutes(_limits.MaxAudioDuration)}.");

    /// <summary>"11 s", "15 min", "20 min 5 s" (whole seconds, rounded down).</summary>
    private static string Minutes(TimeSpan duration)
    {
        var minutes = (long)duration.TotalMinutes;
        return minutes == 0 ? FormattableString.Invariant($"{duration.Seconds} s")
            : duration.Seconds == 0 ? FormattableString.Invariant($"{minutes} min")
            : FormattableString.Invariant($"{minutes} min {duration.Seconds} s");
    }

    private static async Task<byte[]> ReadStartAsync(string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            return buffer[..read];
        }
    }
}
