namespace SadTalker.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run failed: refused input (no face, audio too short), ffmpeg error, engine unavailable.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>verify: the video carries neither a readable watermark nor a valid provenance record.</summary>
    public const int NotVerified = 3;

    /// <summary>verify: a provenance record is there but fails (bad signature, changed video, untrusted key, unreadable).</summary>
    public const int VerificationFailed = 4;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
