using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SadTalker.Web.Storage;

namespace SadTalker.Web.Features.Library;

/// <summary>
/// Streams one multipart/form-data file to a server-named temp file in bounded memory (never the whole body in
/// RAM, never a client-chosen path), with a hard size limit, plus a few small text fields.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFieldBytes = 4096;
    private const long EnvelopeAllowance = 64 * 1024;

    public sealed record Received(string TempFile, string? FileName, IReadOnlyDictionary<string, string> Fields);

    public sealed record Rejected(int StatusCode, string Code, string Message);

    public static async Task<(Received? File, Rejected? Error)> ReadAsync(HttpRequest request, BlobStore blobs, long maxFileBytes, string what, CancellationToken ct)
    {
        var limitText = $"{maxFileBytes / (1024 * 1024)} MB";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(contentType.Boundary).Length == 0)
        {
            return (null, new(StatusCodes.Status400BadRequest, "upload.not_multipart", "Send the file as multipart/form-data."));
        }

        if (request.ContentLength > maxFileBytes + EnvelopeAllowance)
        {
            return (null, new(StatusCodes.Status413PayloadTooLarge, $"{what}.too_large", $"The {what} file is larger than the {limitText} limit."));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxFileBytes + EnvelopeAllowance;
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Received? file = null;
        var succeeded = false;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    if (file is not null)
                    {
                        return (null, new(StatusCodes.Status400BadRequest, "upload.several_files", "Upload one file at a time."));
                    }

                    var temp = blobs.CreateTempFile();
                    file = new Received(temp, disposition.FileNameStar.Value ?? disposition.FileName.Value, fields);
                    if (!await CopyLimitedAsync(section.Body, temp, maxFileBytes, ct))
                    {
                        return (null, new(StatusCodes.Status413PayloadTooLarge, $"{what}.too_large", $"The {what} file is larger than the {limitText} limit."));
                    }
                }
                else if (disposition.IsFormDisposition())
                {
                    var buffer = new byte[MaxFieldBytes + 1];
                    var read = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                    if (read > MaxFieldBytes)
                    {
                        return (null, new(StatusCodes.Status400BadRequest, "upload.field_too_long", $"The field '{disposition.Name.Value}' is too long."));
                    }

                    fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
                }
            }

            if (file is null)
            {
                return (null, new(StatusCodes.Status400BadRequest, "upload.no_file", $"Choose a {what} file to upload."));
            }

            succeeded = true;
            return (file with { Fields = fields }, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            var tooLarge = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
            return (null, tooLarge
                ? new(StatusCodes.Status413PayloadTooLarge, $"{what}.too_large", $"The {what} file is larger than the {limitText} limit.")
                : new(StatusCodes.Status400BadRequest, "upload.interrupted", "The upload was interrupted or malformed; nothing was stored."));
        }
        finally
        {
            // Every way out but success (rejection, malformed body, cancellation) leaves no partial file behind.
            if (!succeeded && file is not null)
            {
                File.Delete(file.TempFile);
            }
        }
    }

    private static async Task<bool> CopyLimitedAsync(Stream source, string path, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return true;
    }
}
