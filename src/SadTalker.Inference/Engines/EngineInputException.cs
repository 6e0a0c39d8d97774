namespace SadTalker.Inference.Engines;

/// <summary>
/// The request cannot be rendered because of its inputs (not because of a fault): no face in the portrait, audio
/// shorter than a frame, unsupported options. The message is written for the end user; <see cref="Error"/> lets a
/// caller map it to a state without parsing text.
/// </summary>
public sealed class EngineInputException : Exception
{
    public EngineInputException()
        : this(EngineInputError.InvalidOptions, "The request is not valid.")
    {
    }

    public EngineInputException(string message)
        : this(EngineInputError.InvalidOptions, message)
    {
    }

    public EngineInputException(string message, Exception? innerException)
        : this(EngineInputError.InvalidOptions, message, innerException)
    {
    }

    public EngineInputException(EngineInputError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>What was wrong with the input.</summary>
    public EngineInputError Error { get; }
}
