namespace SadTalker.Inference.Intake;

/// <summary>An audio upload that passed intake, with its three derived files.</summary>
/// <param name="DurationSeconds">Length of the decoded audio: engine samples / 16000.</param>
/// <param name="SampleRate">The original stream's sample rate in Hz.</param>
/// <param name="Channels">The original stream's channel count.</param>
/// <param name="CodecName">ffmpeg's codec name, for example "mp3", "aac", "opus", "pcm_s16le".</param>
/// <param name="ContainerName">ffprobe's format name, for example "wav" or "mov,mp4,m4a,3gp,3g2,mj2".</param>
/// <param name="HasVideo">The upload also held video (the video was dropped; only its first audio track is used).</param>
/// <param name="ByteCount">Size of the original upload in bytes.</param>
/// <param name="EngineSampleCount">Samples in <paramref name="EngineWavPath"/>.</param>
/// <param name="EngineWavPath">16 kHz mono 16-bit PCM WAV (44-byte header), the engines' input.</param>
/// <param name="PlaybackPath">AAC in MP4 (.m4a), moov atom first, for the browser's audio element.</param>
/// <param name="WaveformPath">PNG of the waveform, <see cref="WaveformRenderer.DefaultWidth"/> x <see cref="WaveformRenderer.DefaultHeight"/>.</param>
public sealed record AudioIntakeResult(
    double DurationSeconds,
    int SampleRate,
    int Channels,
    string CodecName,
    string ContainerName,
    bool HasVideo,
    long ByteCount,
    long EngineSampleCount,
    string EngineWavPath,
    string PlaybackPath,
    string WaveformPath);
