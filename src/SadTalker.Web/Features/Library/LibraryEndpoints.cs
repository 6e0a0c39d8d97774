using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using SadTalker.Inference.Intake;
using SadTalker.Web.Data;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Library;

/// <summary>
/// The library over HTTP: streaming uploads (the browser's upload control posts here), JSON reads and edits, and
/// the only way to get the files. Every route checks team membership: non-members get 404 for any id.
/// </summary>
public static class LibraryEndpoints
{
    public static void MapLibraryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/library").RequireAuthorization().DisableAntiforgery();

        api.MapPost("/portraits", (HttpContext http, Guid team, BlobStore blobs, IntakeLimits limits, UploadPortrait upload, IAntiforgery antiforgery, CancellationToken ct) =>
            UploadAsync(http, team, blobs, limits.MaxImageBytes, "image", antiforgery, (r, t) => upload.HandleAsync(r, t), p => PortraitJson.From(p), ct));
        api.MapPost("/audio", (HttpContext http, Guid team, BlobStore blobs, IntakeLimits limits, UploadAudio upload, IAntiforgery antiforgery, CancellationToken ct) =>
            UploadAsync(http, team, blobs, limits.MaxAudioBytes, "audio", antiforgery, (r, t) => upload.HandleAsync(r, t), a => AudioJson.From(a), ct));

        api.MapGet("/portraits", async (ClaimsPrincipal user, Guid team, string? search, string? tag, LibrarySort? sort, int? skip, int? take, LibraryQueries queries, CancellationToken ct) =>
            ToHttp(await queries.PortraitsAsync(UserId(user), team, new LibraryQuery(search, tag, sort ?? LibrarySort.Newest, skip ?? 0, take ?? 24), ct),
                page => new { total = page.Total, items = page.Items.Select(PortraitJson.From) }));
        api.MapGet("/audio", async (ClaimsPrincipal user, Guid team, string? search, string? tag, LibrarySort? sort, int? skip, int? take, LibraryQueries queries, CancellationToken ct) =>
            ToHttp(await queries.AudioAsync(UserId(user), team, new LibraryQuery(search, tag, sort ?? LibrarySort.Newest, skip ?? 0, take ?? 24), ct),
                page => new { total = page.Total, items = page.Items.Select(AudioJson.From) }));

        MapItem(api, "/portraits", MediaKind.Portrait);
        MapItem(api, "/audio", MediaKind.Audio);
    }

    public sealed record UpdateBody(string? Name, string? Tags);

    private static void MapItem(RouteGroupBuilder api, string prefix, MediaKind kind)
    {
        api.MapGet(prefix + "/{id:guid}", async (ClaimsPrincipal user, Guid id, LibraryItems items, CancellationToken ct) =>
            ToHttp(await items.GetAsync(UserId(user), kind, id, ct), ToJson));
        api.MapPatch(prefix + "/{id:guid}", async (ClaimsPrincipal user, Guid id, UpdateBody body, HttpContext http, IAntiforgery antiforgery, LibraryItems items, CancellationToken ct) =>
            await AntiforgeryFailureAsync(http, antiforgery) ?? ToHttp(await items.UpdateAsync(UserId(user), kind, id, body.Name, body.Tags, ct), ToJson));
        api.MapDelete(prefix + "/{id:guid}", async (ClaimsPrincipal user, Guid id, HttpContext http, IAntiforgery antiforgery, LibraryItems items, CancellationToken ct) =>
            await AntiforgeryFailureAsync(http, antiforgery) ?? ToHttp(await items.DeleteAsync(UserId(user), kind, id, ct), _ => Results.NoContent()));
        api.MapGet(prefix + "/{id:guid}/files/{variant}", async (ClaimsPrincipal user, Guid id, string variant, bool? download, LibraryItems items, BlobStore blobs, CancellationToken ct) =>
        {
            var result = await items.GetAsync(UserId(user), kind, id, ct);
            if (!result.Succeeded)
            {
                return ToHttp(result, _ => Results.Empty);
            }

            return LibraryFiles.Select(result.Value!, variant) is { } file
                ? Serve(blobs, file, download == true)
                : Results.NotFound(new { code = "not_found", error = $"No file '{variant}'." });
        });
    }

    private static async Task<IResult> UploadAsync<T>(
        HttpContext http, Guid team, BlobStore blobs, long maxBytes, string what, IAntiforgery antiforgery,
        Func<UploadRequest, CancellationToken, Task<LibraryResult<T>>> handle, Func<T, object> json, CancellationToken ct)
    {
        if (await AntiforgeryFailureAsync(http, antiforgery) is { } forged)
        {
            return forged;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (received, rejected) = await MultipartUpload.ReadAsync(http.Request, blobs, maxBytes, what, ct);
        if (received is not null)
        {
            var bytes = new FileInfo(received.TempFile).Length;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LibraryEndpoints)).LogInformation(
                "Upload received: {Bytes} bytes in {Milliseconds} ms ({MegabytesPerSecond:0.0} MB/s)",
                bytes, clock.ElapsedMilliseconds, bytes / 1e6 / Math.Max(clock.Elapsed.TotalSeconds, 1e-6));
        }

        if (rejected is not null)
        {
            return Results.Json(new { code = rejected.Code, error = rejected.Message }, statusCode: rejected.StatusCode);
        }

        var request = new UploadRequest(UserId(http.User), team, received!.TempFile, received.FileName,
            received.Fields.GetValueOrDefault("name"), received.Fields.GetValueOrDefault("tags"));
        var result = await handle(request, ct);
        return result.Succeeded ? Results.Json(json(result.Value!), statusCode: StatusCodes.Status201Created) : ToHttp(result, _ => Results.Empty);
    }

    private static IResult Serve(BlobStore blobs, LibraryFiles.File file, bool download) =>
        BlobFileResult.Create(blobs, file.Sha256, file.ContentType, file.DownloadName, download);

    internal static async Task<IResult?> AntiforgeryFailureAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Json(new { code = "antiforgery", error = "The request is missing a valid anti-forgery token; reload the page and try again." },
                statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static IResult ToHttp<T>(LibraryResult<T> result, Func<T, object> ok) => ToHttp(result, v => Results.Ok(ok(v)));

    internal static IResult ToHttp<T>(LibraryResult<T> result, Func<T, IResult> ok) => result.Status switch
    {
        LibraryStatus.Ok => ok(result.Value!),
        LibraryStatus.NotFound => Results.NotFound(new { code = result.Code, error = result.Message }),
        LibraryStatus.Forbidden => Results.Json(new { code = result.Code, error = result.Message }, statusCode: StatusCodes.Status403Forbidden),
        LibraryStatus.Conflict => Results.Conflict(new { code = result.Code, error = result.Message }),
        _ => Results.BadRequest(new { code = result.Code, error = result.Message }),
    };

    private static object ToJson(ILibraryItem item) => item switch
    {
        Portrait p => PortraitJson.From(p),
        AudioClip a => AudioJson.From(a),
        _ => throw new InvalidOperationException(),
    };

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id.");
}
