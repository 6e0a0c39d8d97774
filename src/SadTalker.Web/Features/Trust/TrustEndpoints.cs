using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using SadTalker.Inference.Trust;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Trust;

/// <summary>The provenance sidecar beside the video download, the public key, and video verification over HTTP.</summary>
public static class TrustEndpoints
{
    public const string PublicKeyPath = "/about/provenance/public-key.pem";

    public static void MapTrustApi(this IEndpointRouteBuilder endpoints)
    {
        // Public on purpose: whoever receives a video needs the key to check it (CLI `verify --public-key`); it reveals nothing.
        endpoints.MapGet(PublicKeyPath, (ProvenanceKey key) => Results.Text(key.PublicKeyPem, "application/x-pem-file"))
            .AllowAnonymous();
        endpoints.MapGet("/api/generation/videos/{id:guid}/provenance", ServeSidecarAsync).RequireAuthorization();
        endpoints.MapPost("/api/trust/verify", VerifyAsync).RequireAuthorization().DisableAntiforgery();
    }

    private static async Task<IResult> ServeSidecarAsync(HttpContext http, Guid id, GenerationQueries queries, BlobStore blobs, CancellationToken ct)
    {
        var result = await queries.JobAsync(UserId(http.User), id, ct);
        if (!result.Succeeded || result.Value!.Job is not { State: GenerationJobState.Succeeded, ProvenanceSha256: { } sha } job)
        {
            return Results.NotFound(new { code = "not_found", error = "No provenance record for this video." });
        }

        if (result.Value.ConsentRevoked && !http.User.IsInRole(Roles.Admin))
        {
            return Results.Json(new { code = "consent.revoked", error = "The consent this video was made under has been revoked; only Admins can open it." },
                statusCode: StatusCodes.Status403Forbidden);
        }

        return BlobFileResult.Create(blobs, sha, "application/json", $"{job.PortraitName}-{job.CreatedUtc:yyyyMMdd-HHmm}.provenance.json", download: true);
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, BlobStore blobs, VerifyVideo verify, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await LibraryEndpoints.AntiforgeryFailureAsync(http, antiforgery) is { } forged)
        {
            return forged;
        }

        var (received, rejected) = await MultipartUpload.ReadAsync(http.Request, blobs, VerifyVideo.MaxBytes, "video", ct);
        if (rejected is not null)
        {
            return Results.Json(new { code = rejected.Code, error = rejected.Message }, statusCode: rejected.StatusCode);
        }

        var result = await verify.HandleAsync(
            new(UserId(http.User), http.User.IsInRole(Roles.Admin), received!.TempFile, http.Connection.RemoteIpAddress?.ToString()), ct);
        return LibraryEndpoints.ToHttp(result, Results.Ok);
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id.");
}
