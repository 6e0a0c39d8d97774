using Microsoft.Net.Http.Headers;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Library;

/// <summary>Serves a stored blob with an explicit Content-Disposition (inline or attachment), nosniff and range support.</summary>
public sealed class BlobFileResult : IResult
{
    private readonly string _path;
    private readonly string _contentType;
    private readonly string _disposition;

    private BlobFileResult(string path, string contentType, string disposition) => (_path, _contentType, _disposition) = (path, contentType, disposition);

    /// <summary>The file, or a 404 with a JSON reason when the blob is missing from storage.</summary>
    public static IResult Create(BlobStore blobs, string sha256, string contentType, string downloadName, bool download)
    {
        var path = blobs.PathOf(sha256);
        if (!File.Exists(path))
        {
            return Results.NotFound(new { code = "file.missing", error = "The file is missing from storage." });
        }

        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(downloadName);
        return new BlobFileResult(path, contentType, disposition.ToString());
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ContentDisposition = _disposition;
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(_path, _contentType, enableRangeProcessing: true).ExecuteAsync(httpContext);
    }
}
