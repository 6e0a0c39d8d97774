namespace SadTalker.Inference.Engines;

/// <summary>Why an engine refused a request (see <see cref="EngineInputException"/>).</summary>
public enum EngineInputError
{
    /// <summary>Options out of range or not supported by the engine.</summary>
    InvalidOptions,

    /// <summary>The portrait could not be read as an image.</summary>
    UnreadablePortrait,

    /// <summary>No face was found in the portrait.</summary>
    NoFace,

    /// <summary>The audio could not be read.</summary>
    UnreadableAudio,

    /// <summary>The audio is shorter than one video frame (40 ms).</summary>
    AudioTooShort,

    /// <summary>A reference eye-blink or pose video could not be read, or has no video stream.</summary>
    UnreadableReferenceVideo,

    /// <summary>No face was found in the first frame of a reference video.</summary>
    NoFaceInReferenceVideo,

    /// <summary>A reference video is longer than the engine accepts.</summary>
    ReferenceVideoTooLong,
}
