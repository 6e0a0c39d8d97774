namespace SadTalker.Web.Features.Generation.References;

/// <summary>The reference videos chosen for a submission, as upload tokens (either may be null; both may be the same token).</summary>
public sealed record ReferenceVideoUploads(string? Eyeblink, string? Pose)
{
    public bool Any => !string.IsNullOrEmpty(Eyeblink) || !string.IsNullOrEmpty(Pose);
}
