using SadTalker.Inference.Intake;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Library;

/// <summary>Adds a portrait: content-sniffed, size- and pixel-limited, upright PNG + thumbnail, face check (see <see cref="PortraitIntake"/>).</summary>
public sealed class UploadPortrait(LibraryIngest ingest, PortraitIntake intake, TimeProvider clock)
{
    public Task<LibraryResult<Portrait>> HandleAsync(UploadRequest request, CancellationToken ct) =>
        ingest.RunAsync<PortraitIntakeResult, Portrait>(
            request,
            (workDir, token) => intake.ProcessAsync(request.TempFile, workDir, token),
            r => [r.NormalizedPngPath, r.ThumbnailPath],
            r => (name, tags, fileName, blobs) => Build(request, r, name, tags, fileName, blobs[0].Sha256, blobs[1].Sha256, blobs[2].Sha256),
            ct);

    private Portrait Build(UploadRequest request, PortraitIntakeResult r, string name, string tags, string fileName, string original, string image, string thumbnail)
    {
        var face = r.Face.Face;
        return new Portrait
        {
            Id = Guid.NewGuid(),
            TeamId = request.TeamId,
            Name = name,
            Tags = tags,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = request.UserId,
            OriginalFileName = fileName,
            OriginalFormat = r.Format.ToString().ToLowerInvariant(),
            OriginalSha256 = original,
            ImageSha256 = image,
            ThumbnailSha256 = thumbnail,
            Width = r.Width,
            Height = r.Height,
            ByteCount = r.ByteCount,
            FaceCount = r.Face.FaceCount,
            FaceVerdict = r.Face.Verdict.ToString(),
            FaceMessage = r.Face.Message,
            FaceX = face?.Box.X,
            FaceY = face?.Box.Y,
            FaceWidth = face?.Box.Width,
            FaceHeight = face?.Box.Height,
            FaceScore = face?.Score,
            FaceKeypointsJson = face is null ? null : System.Text.Json.JsonSerializer.Serialize(face.Keypoints.Select(k => new[] { MathF.Round(k.X, 1), MathF.Round(k.Y, 1) })),
        };
    }
}
