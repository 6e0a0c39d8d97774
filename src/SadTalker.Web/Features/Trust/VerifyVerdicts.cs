namespace SadTalker.Web.Features.Trust;

/// <summary>The verdict codes of <see cref="VerifyReport.Verdict"/>, most trustworthy first.</summary>
public static class VerifyVerdicts
{
    /// <summary>Signed by this installation, unchanged, and the job is known.</summary>
    public const string Authentic = "authentic";

    /// <summary>The watermark leads to a job here but the signed record is missing (stripped by re-encoding or editing).</summary>
    public const string WatermarkOnly = "watermark_only";

    public const string SignatureInvalid = "signature_invalid";
    public const string VideoChanged = "video_changed";
    public const string UnknownKey = "unknown_key";
    public const string UnknownJob = "unknown_job";
    public const string NotFound = "not_found";
}
