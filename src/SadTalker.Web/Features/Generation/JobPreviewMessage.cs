namespace SadTalker.Web.Features.Generation;

/// <summary><c>jobPreview</c>: {jobId, jpegBase64}, a small JPEG of the latest frame about every 2 s.</summary>
public sealed record JobPreviewMessage(Guid JobId, Guid TeamId, string JpegBase64) : JobMessage(JobId, TeamId)
{
    public override string Name => JobMessageNames.Preview;
}
