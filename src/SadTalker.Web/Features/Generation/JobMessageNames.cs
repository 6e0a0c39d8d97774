namespace SadTalker.Web.Features.Generation;

public static class JobMessageNames
{
    public const string Progress = "jobProgress";
    public const string Preview = "jobPreview";
    public const string State = "jobState";

    /// <summary>State sent when a job row was deleted.</summary>
    public const string Deleted = "Deleted";
}
