using System.Security.Claims;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Consent;

/// <summary>Evidence files, PDF previews and the portrait under review, for the record's team members and Admins (others: 404).</summary>
public static class ConsentEndpoints
{
    public static void MapConsentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/consent").RequireAuthorization();

        api.MapGet("/evidence/{id:guid}", async (ClaimsPrincipal user, Guid id, bool? download, ConsentDetails details, BlobStore blobs, CancellationToken ct) =>
            await details.GetEvidenceAsync(UserId(user), id, ct) is { Succeeded: true, Value: { } e }
                ? BlobFileResult.Create(blobs, e.Sha256, e.ContentType, e.FileName, download == true)
                : NotFound());

        api.MapGet("/evidence/{id:guid}/preview", async (ClaimsPrincipal user, Guid id, ConsentDetails details, BlobStore blobs, CancellationToken ct) =>
            await details.GetEvidenceAsync(UserId(user), id, ct) is { Succeeded: true, Value: { PreviewSha256: { } preview } e }
                ? BlobFileResult.Create(blobs, preview, "image/png", Path.GetFileNameWithoutExtension(e.FileName) + "-page1.png", download: false)
                : NotFound());

        api.MapGet("/records/{id:guid}/portrait", async (ClaimsPrincipal user, Guid id, ConsentDetails details, BlobStore blobs, CancellationToken ct) =>
            await details.GetPortraitAsync(UserId(user), id, ct) is { Succeeded: true, Value: { } p }
                ? BlobFileResult.Create(blobs, p.ImageSha256, "image/png", Path.GetFileNameWithoutExtension(p.OriginalFileName) + ".png", download: false)
                : NotFound());
    }

    private static IResult NotFound() => Results.NotFound(new { code = "not_found", error = "Not found." });

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id.");
}
