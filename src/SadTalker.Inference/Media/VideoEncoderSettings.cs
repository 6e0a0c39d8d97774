namespace SadTalker.Inference.Media;

/// <summary>What <see cref="VideoEncoder"/> writes: H.264 yuv420p at 25 fps, plus AAC audio when an audio file is given.</summary>
/// <param name="OutputPath">Target .mp4; it appears only once encoding has succeeded. Its folder must exist.</param>
/// <param name="Width">Frame width in pixels; even (yuv420p halves the chroma resolution).</param>
/// <param name="Height">Frame height in pixels; even.</param>
public sealed record VideoEncoderSettings(string OutputPath, int Width, int Height)
{
    /// <summary>Audio to mux (any file ffmpeg reads; its first audio stream is used); null for a silent video.</summary>
    public string? AudioPath { get; init; }

    /// <summary>libx264 preset: ultrafast .. veryslow.</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>libx264 constant rate factor, 0 (lossless) .. 51; lower is better quality.</summary>
    public int Crf { get; init; } = 20;

    /// <summary>
    /// AAC sample rate. 48 kHz rather than the 16 kHz SadTalker muxes: an AAC packet holds 1024 samples, which is
    /// 64 ms at 16 kHz (longer than a 40 ms video frame) but 21 ms at 48 kHz, so the audio can end within a frame of the video.
    /// </summary>
    public int AudioSampleRate { get; init; } = 48000;

    /// <summary>AAC bit rate in bits per second.</summary>
    public int AudioBitrate { get; init; } = 128_000;
}
