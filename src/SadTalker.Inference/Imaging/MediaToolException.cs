namespace SadTalker.Inference.Imaging;

/// <summary>An ffmpeg-family tool could not be started or exited with an error.</summary>
public sealed class MediaToolException : Exception
{
    public MediaToolException()
        : this("A media tool failed.")
    {
    }

    public MediaToolException(string message)
        : this(message, null, string.Empty, null)
    {
    }

    public MediaToolException(string message, Exception? innerException)
        : this(message, null, string.Empty, innerException)
    {
    }

    public MediaToolException(string message, int? exitCode, string standardError, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>The process exit code; null when the process never started.</summary>
    public int? ExitCode { get; }

    /// <summary>Everything the tool wrote to stderr (ffmpeg explains its failures there).</summary>
    public string StandardError { get; }
}
