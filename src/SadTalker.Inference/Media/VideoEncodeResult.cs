namespace SadTalker.Inference.Media;

/// <summary>A finished <see cref="VideoEncoder"/> output.</summary>
/// <param name="Path">Full path of the written .mp4.</param>
/// <param name="FrameCount">Video frames written.</param>
/// <param name="Duration">FrameCount / 25 s; the audio track is cut (or padded with silence) to this length.</param>
/// <param name="SizeBytes">File size.</param>
public sealed record VideoEncodeResult(string Path, long FrameCount, TimeSpan Duration, long SizeBytes);
