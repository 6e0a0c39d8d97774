using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Generation.References;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// Jobs and videos over HTTP (cookie sign-in; changes need the <c>RequestVerificationToken</c> header). Videos
/// stream with range support; a video whose consent was revoked is served to Admins only.
/// </summary>
public static class GenerationEndpoints
{
    /// <summary>
    /// Submit request; enums are accepted as names (<c>"Internal"</c>, <c>"BottomRight"</c>) or numbers. Reference
    /// videos are the tokens that <c>POST /api/generation/reference-videos</c> returned (the same one may serve both).
    /// </summary>
    public sealed record SubmitBody(
        Guid PortraitId, Guid AudioClipId, string? EngineId, JobSettings? Settings,
        [property: JsonConverter(typeof(JsonStringEnumConverter<PermittedUse>))] PermittedUse Use,
        string? RefEyeblinkUpload = null, string? RefPoseUpload = null);

    public static void MapGenerationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/generation").RequireAuthorization().DisableAntiforgery();
        api.MapPost("/jobs", async (HttpContext http, Guid team, SubmitBody body, SubmitGeneration submit, IAntiforgery af, CancellationToken ct) =>
            await ForgedAsync(http, af) ?? ToHttp(await submit.HandleAsync(new(UserId(http.User), team, body.PortraitId, body.AudioClipId,
                body.EngineId ?? Inference.Engines.StudioLite.StudioLiteEngine.EngineId, body.Settings ?? new JobSettings(), body.Use, Ip(http),
                new ReferenceVideoUploads(body.RefEyeblinkUpload, body.RefPoseUpload)), ct),
                s => Results.Json(new { id = s.JobId, warning = s.Warning }, statusCode: StatusCodes.Status201Created)));
        api.MapGet("/jobs", async (ClaimsPrincipal user, Guid team, GenerationQueries queries, CancellationToken ct) =>
            ToHttp(await queries.JobsAsync(UserId(user), team, ct), jobs => Results.Ok(jobs.Select(JobJson.From))));
        api.MapGet("/jobs/{id:guid}", async (ClaimsPrincipal user, Guid id, GenerationQueries queries, CancellationToken ct) =>
            ToHttp(await queries.JobAsync(UserId(user), id, ct), v => Results.Ok(JobJson.From(v.Job, v.ConsentRevoked))));
        api.MapPost("/jobs/{id:guid}/cancel", async (HttpContext http, Guid id, CancelGeneration cancel, IAntiforgery af, CancellationToken ct) =>
            await ForgedAsync(http, af) ?? ToHttp(await cancel.HandleAsync(UserId(http.User), id, Ip(http), ct), s => Results.Ok(new { state = s.ToString() })));
        api.MapPost("/jobs/{id:guid}/retry", async (HttpContext http, Guid id, RetryGeneration retry, IAntiforgery af, CancellationToken ct) =>
            await ForgedAsync(http, af) ?? ToHttp(await retry.HandleAsync(UserId(http.User), id, Ip(http), ct), a => Results.Ok(new { attempt = a })));
        api.MapDelete("/jobs/{id:guid}", async (HttpContext http, Guid id, DeleteGeneration delete, IAntiforgery af, CancellationToken ct) =>
            await ForgedAsync(http, af) ?? ToHttp(await delete.HandleAsync(UserId(http.User), id, Ip(http), ct), _ => Results.NoContent()));
        api.MapGet("/videos/{id:guid}/{file:regex(^(video|thumbnail)$)}", ServeAsync);
        api.MapPost("/reference-videos", UploadReferenceAsync);
    }

    /// <summary>Streams a reference eye-blink / pose video (multipart, one file) and returns its token for the submission.</summary>
    private static async Task<IResult> UploadReferenceAsync(
        HttpContext http, Guid team, BlobStore blobs, UploadReferenceVideo upload, IAntiforgery af, CancellationToken ct)
    {
        if (await ForgedAsync(http, af) is { } forged)
        {
            return forged;
        }

        var (received, rejected) = await MultipartUpload.ReadAsync(http.Request, blobs, ReferenceVideoIntake.MaxBytes, "video", ct);
        if (rejected is not null)
        {
            return Results.Json(new { code = rejected.Code, error = rejected.Message }, statusCode: rejected.StatusCode);
        }

        var result = await upload.HandleAsync(UserId(http.User), team, received!.TempFile, received.FileName, ct);
        return ToHttp(result, v => Results.Json(
            new { token = v.Token, name = v.FileName, durationSeconds = v.DurationSeconds, width = v.Width, height = v.Height }, statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> ServeAsync(
        HttpContext http, Guid id, string file, bool? download, GenerationQueries queries, BlobStore blobs,
        IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, CancellationToken ct)
    {
        var result = await queries.JobAsync(UserId(http.User), id, ct);
        if (!result.Succeeded || result.Value!.Job.State != GenerationJobState.Succeeded)
        {
            return Results.NotFound(new { code = "not_found", error = "No such video." });
        }

        var (job, revoked) = (result.Value.Job, result.Value.ConsentRevoked);
        if (revoked && !http.User.IsInRole(Roles.Admin) && file == "video")
        {
            return Results.Json(new { code = "consent.revoked", error = "The consent this video was made under has been revoked; only Admins can open it." },
                statusCode: StatusCodes.Status403Forbidden);
        }

        var path = blobs.PathOf(file == "video" ? job.VideoSha256! : job.ThumbnailSha256!);
        if (!File.Exists(path))
        {
            return Results.NotFound(new { code = "file.missing", error = "The file is missing from storage." });
        }

        if (file == "thumbnail")
        {
            return Results.File(path, "image/jpeg");
        }

        if (download == true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, UserId(http.User), job.TeamId, "generation.downloaded", job.Id.ToString(), Ip(http), new { revoked });
            await db.SaveChangesAsync(ct);
        }

        var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
        disposition.SetHttpFileName($"{job.PortraitName}-{job.CreatedUtc:yyyyMMdd-HHmm}.mp4");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.File(path, "video/mp4", enableRangeProcessing: true);
    }

    private static Task<IResult?> ForgedAsync(HttpContext http, IAntiforgery antiforgery) => LibraryEndpoints.AntiforgeryFailureAsync(http, antiforgery);

    private static IResult ToHttp<T>(LibraryResult<T> result, Func<T, IResult> ok) => LibraryEndpoints.ToHttp(result, ok);

    private static string? Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id.");
}
