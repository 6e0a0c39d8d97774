namespace SadTalker.Inference.Intake;

/// <summary>The <see cref="IntakeException.Code"/> values. They are part of the web API contract: never rename one.</summary>
public static class IntakeErrorCodes
{
    public const string ImageEmpty = "image.empty";
    public const string ImageTooLarge = "image.too_large";
    public const string ImageUnsupportedFormat = "image.unsupported_format";
    public const string ImageTruncated = "image.truncated";

    /// <summary>The headers are inconsistent (zero size, impossible chunk) or ffmpeg could not decode the data.</summary>
    public const string ImageCorrupt = "image.corrupt";
    public const string ImageTooManyPixels = "image.too_many_pixels";

    public const string AudioEmpty = "audio.empty";
    public const string AudioTooLarge = "audio.too_large";

    /// <summary>Not a container or codec on the allow list (or not media at all).</summary>
    public const string AudioUnsupported = "audio.unsupported";
    public const string AudioNoAudioStream = "audio.no_audio_stream";
    public const string AudioTooLong = "audio.too_long";

    /// <summary>The container was accepted but decoding failed part-way.</summary>
    public const string AudioCorrupt = "audio.corrupt";

    public const string FileNameInvalid = "file.name_invalid";
}
