using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Teams;

/// <summary>The app with a hand-moved clock, plus shortcuts to register people and reach the team use cases.</summary>
public sealed class TeamsApp : AppFactory
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        });
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Registers through the real form (so the registration hook runs) and returns the signed-in client and user id.</summary>
    public async Task<(HttpClient Client, string UserId)> RegisterAsync(string email, string? invite = null)
    {
        var client = IdentityForms.CreateClient(this);
        var path = invite is null ? "/Account/Register" : $"/Account/Register?invite={Uri.EscapeDataString(invite)}";
        var response = await IdentityForms.PostFormAsync(client, path, "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = IdentityForms.Password,
            ["Input.ConfirmPassword"] = IdentityForms.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, await UserIdAsync(email));
    }

    public async Task<string> UserIdAsync(string email)
    {
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"{email} is not registered.");
    }

    public async Task<Guid> CreateTeamAsync(string ownerId, string name)
    {
        var result = await Get<CreateTeam>().HandleAsync(new(ownerId, name));
        Assert.Null(result.Error);
        return result.TeamId!.Value;
    }

    /// <summary>Adds a member through an invite, as the product does.</summary>
    public async Task AddMemberAsync(Guid teamId, string ownerId, string userId, TeamRole role)
    {
        var invite = await Get<CreateInvite>().HandleAsync(new(ownerId, teamId, role));
        Assert.Null(invite.Error);
        var joined = await Get<AcceptInvite>().HandleAsync(new(userId, invite.Token));
        Assert.True(joined.Joined, joined.Error);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
