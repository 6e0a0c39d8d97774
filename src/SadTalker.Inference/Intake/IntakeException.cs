namespace SadTalker.Inference.Intake;

/// <summary>
/// An upload was refused. <see cref="Exception.Message"/> is written for the person who uploaded the file (no server
/// paths, no stack details) and <see cref="Code"/> is a stable machine code from <see cref="IntakeErrorCodes"/>.
/// </summary>
public sealed class IntakeException : Exception
{
    /// <summary>Code used by the parameterless and message-only constructors.</summary>
    public const string UnspecifiedCode = "intake.failed";

    public IntakeException()
        : this(UnspecifiedCode, "The file could not be accepted.")
    {
    }

    public IntakeException(string message)
        : this(UnspecifiedCode, message)
    {
    }

    public IntakeException(string message, Exception? innerException)
        : this(UnspecifiedCode, message, innerException)
    {
    }

    public IntakeException(string code, string message)
        : this(code, message, null)
    {
    }

    public IntakeException(string code, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Stable machine-readable reason, for example <c>image.too_many_pixels</c>.</summary>
    public string Code { get; }
}
