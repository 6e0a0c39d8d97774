using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Generation;

/// <summary>
/// <c>/hubs/jobs</c> for clients outside Blazor: call <c>JoinTeam(teamId)</c> (members only), then receive
/// <c>jobProgress</c>, <c>jobPreview</c> and <c>jobState</c> for that team's jobs.
/// </summary>
[Authorize]
public sealed class JobsHub(TeamAccess teams) : Hub
{
    public const string Path = "/hubs/jobs";

    public static string Group(Guid teamId) => $"team:{teamId:N}";

    public async Task JoinTeam(Guid teamId)
    {
        var userId = Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (await teams.GetRoleAsync(userId, teamId, Context.ConnectionAborted) is null)
        {
            throw new HubException("No such team.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(teamId), Context.ConnectionAborted);
    }

    public Task LeaveTeam(Guid teamId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(teamId));
}
