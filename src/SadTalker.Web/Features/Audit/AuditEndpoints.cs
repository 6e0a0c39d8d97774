using System.Globalization;
using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Features.Audit;

/// <summary>The CSV export of the audit log, with the pages' filters and authorization (Admins: all; Owners: their team).</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit/export.csv", async (HttpContext http, ClaimsPrincipal user, string? from, string? to, string? actor, Guid? team, string? action,
            AuditQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
            {
                return Results.BadRequest(new { code = "date_invalid", error = "Dates must be written yyyy-MM-dd." });
            }

            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var result = await queries.ExportAsync(userId, new AuditFilter(fromDate, toDate, actor, team, action), ct);
            if (result.Status == LibraryStatus.NotFound)
            {
                return Results.NotFound(new { code = result.Code, error = result.Message });
            }

            if (!result.Succeeded)
            {
                return Results.Json(new { code = result.Code, error = result.Message }, statusCode: StatusCodes.Status403Forbidden);
            }

            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName($"audit-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
            http.Response.Headers.ContentDisposition = disposition.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.ContentType = "text/csv; charset=utf-8";
            await using var writer = new StreamWriter(http.Response.Body, AuditCsv.Utf8, bufferSize: 16 * 1024);
            await AuditCsv.WriteAsync(writer, result.Value!, ct);
            return Results.Empty;
        }).RequireAuthorization();
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        date = ok ? parsed : null;
        return ok;
    }
}
