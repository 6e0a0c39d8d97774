namespace SadTalker.Inference.Intake;

/// <summary>The user-facing refusals shared by the image header readers, so the wording stays consistent.</summary>
internal static class ImageErrors
{
    private const string Retry = "It may have been cut off during upload; please upload it again.";

    public static IntakeException Truncated(string format, string detail) =>
        new(IntakeErrorCodes.ImageTruncated, $"The {format} file is incomplete: {detail}. {Retry}");

    public static IntakeException Corrupt(string format, string detail) =>
        new(IntakeErrorCodes.ImageCorrupt, $"The {format} file is damaged: {detail}.");

    public static IntakeException Unsupported(string detail) =>
        new(IntakeErrorCodes.ImageUnsupportedFormat, $"{detail} Please upload a JPEG, PNG, WebP or BMP image.");
}
