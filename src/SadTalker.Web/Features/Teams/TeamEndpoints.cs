using System.Security.Claims;

namespace SadTalker.Web.Features.Teams;

/// <summary>Read-only team information for API clients (the library API takes a team id).</summary>
public static class TeamEndpoints
{
    public static void MapTeamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/teams").RequireAuthorization();
        api.MapGet("/", async (ClaimsPrincipal user, TeamAccess teams, CancellationToken ct) =>
            Results.Ok(await teams.ListTeamsAsync(UserId(user), ct)));
        api.MapGet("/active", async (ClaimsPrincipal user, ActiveTeam active, CancellationToken ct) =>
            Results.Ok(await active.GetAsync(UserId(user), ct)));
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id.");
}
