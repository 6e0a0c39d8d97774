namespace SadTalker.Web.Features.Generation.References;

/// <summary>An accepted reference video waiting, as a server-named temp file, for the job that will use it.</summary>
/// <param name="Token">Random handle the browser sends back with the submission (never a path).</param>
public sealed record StagedReferenceVideo(
    string Token, string UserId, Guid TeamId, string TempFile, string FileName, double DurationSeconds, int Width, int Height, DateTime StagedUtc);
