namespace SadTalker.Inference.Intake;

/// <summary>One audio stream as ffprobe describes it; 0 means ffprobe did not say.</summary>
internal sealed record FfprobeAudioStream(string CodecName, int SampleRate, int Channels, TimeSpan? Duration);
