using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Hosting;

public static class TeamExtensions
{
    /// <summary>Teams, memberships, invite links and the active team. All singletons: each opens its own short-lived DbContext.</summary>
    public static void AddTeams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TeamAccess>();
        builder.Services.AddSingleton<ActiveTeam>();
        builder.Services.AddSingleton<CreatePersonalTeam>();
        builder.Services.AddSingleton<CreateTeam>();
        builder.Services.AddSingleton<GetTeam>();
        builder.Services.AddSingleton<RenameTeam>();
        builder.Services.AddSingleton<DeleteTeam>();
        builder.Services.AddSingleton<CreateInvite>();
        builder.Services.AddSingleton<RevokeInvite>();
        builder.Services.AddSingleton<AcceptInvite>();
        builder.Services.AddSingleton<ChangeMemberRole>();
        builder.Services.AddSingleton<RemoveMember>();
        builder.Services.AddSingleton<LeaveTeam>();
    }
}
