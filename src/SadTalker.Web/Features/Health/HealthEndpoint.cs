namespace SadTalker.Web.Features.Health;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: 200 with the report when healthy, 503 with the same document otherwise. Anonymous, for monitoring.</summary>
    public static void MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (SystemStatus status, CancellationToken ct) =>
            {
                var report = await status.CheckAsync(ct);
                return Results.Json(report, statusCode: report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .DisableAntiforgery();
}
