using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Accounts;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Teams;

public sealed class TeamRegistrationTests : IDisposable
{
    private readonly TeamsApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Registration_CreatesAPersonalTeam_ThatIsActiveByDefault()
    {
        var (client, userId) = await _app.RegisterAsync("ann@example.test");

        var team = Assert.Single(await _app.Get<TeamAccess>().ListTeamsAsync(userId));
        Assert.Equal(new TeamSummary(team.Id, "ann@example.test's team", true, TeamRole.Owner), team);
        Assert.Equal(team, await _app.Get<ActiveTeam>().GetAsync(userId));

        var page = await client.GetStringAsync("/teams");
        Assert.Contains($"href=\"teams/{team.Id}\"", page);
        Assert.Contains("Active team", page);
    }

    [Fact]
    public async Task AccountWithoutATeam_GetsItsPersonalTeamOnFirstUse()
    {
        // An account from before teams existed: created without the registration hook.
        _ = _app.Services;
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.CreateAsync(new ApplicationUser { UserName = "old@example.test", Email = "old@example.test" }, IdentityForms.Password)).Succeeded);
        }

        var userId = await _app.UserIdAsync("old@example.test");
        Assert.Empty(await _app.Get<TeamAccess>().ListTeamsAsync(userId));

        var active = await _app.Get<ActiveTeam>().GetAsync(userId);
        var again = await _app.Get<ActiveTeam>().GetAsync(userId);

        Assert.True(active.IsPersonal);
        Assert.Equal(TeamRole.Owner, active.Role);
        Assert.Equal(active, again);
        Assert.Equal(1, await _app.QueryAsync(db => db.Teams.CountAsync(t => t.CreatedByUserId == userId)));
    }

    [Fact]
    public async Task InviteOnly_RegistrationWithAUsableInvite_CreatesTheAccount_InTheInvitedTeam()
    {
        var (_, ownerId) = await _app.RegisterAsync("owner@example.test");
        var studio = await _app.CreateTeamAsync(ownerId, "Studio");
        await _app.Get<SiteSettings>().SetAsync(SiteSettings.RegistrationMode, RegistrationOptions.InviteOnly, null);
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, studio, TeamRole.Editor));

        using var visitor = IdentityForms.CreateClient(_app);
        var form = await visitor.GetStringAsync($"/Account/Register?invite={invite.Token}");
        Assert.Contains("invitation to join <strong>Studio</strong> as Editor", form);

        var response = await IdentityForms.PostFormAsync(visitor, $"/Account/Register?invite={invite.Token}", "register", new()
        {
            ["Input.Email"] = "invited@example.test",
            ["Input.Password"] = IdentityForms.Password,
            ["Input.ConfirmPassword"] = IdentityForms.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/teams/{studio}", response.Headers.Location!.OriginalString);
        var userId = await _app.UserIdAsync("invited@example.test");

        var teams = await _app.Get<TeamAccess>().ListTeamsAsync(userId);
        Assert.Contains(teams, t => t.Id == studio && t.Role == TeamRole.Editor);
        Assert.Contains(teams, t => t.IsPersonal && t.Role == TeamRole.Owner);
        Assert.Equal(studio, (await _app.Get<ActiveTeam>().GetAsync(userId)).Id);
        Assert.Equal(1, await _app.QueryAsync(db => db.TeamInvites.Where(i => i.TeamId == studio).Select(i => i.Uses).SingleAsync()));
        Assert.Contains("<h1>Studio</h1>", await visitor.GetStringAsync($"/teams/{studio}"));
    }

    [Fact]
    public async Task InviteOnly_RegistrationWithoutOrWithAnUnusableInvite_IsRefused_AndCreatesNothing()
    {
        var (_, ownerId) = await _app.RegisterAsync("owner@example.test");
        var studio = await _app.CreateTeamAsync(ownerId, "Studio");
        var used = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, studio, TeamRole.Viewer));
        await _app.RegisterAsync("first-guest@example.test", used.Token);
        await _app.Get<SiteSettings>().SetAsync(SiteSettings.RegistrationMode, RegistrationOptions.InviteOnly, null);

        using var client = IdentityForms.CreateClient(_app);
        var without = await client.GetStringAsync("/Account/Register");
        Assert.Contains("by invitation only", without);
        Assert.DoesNotContain("Input.Password", without);

        var bogus = await client.GetStringAsync("/Account/Register?invite=not-a-real-invite");
        Assert.Contains("this invitation cannot be used", bogus);
        Assert.Contains("not valid", bogus);

        var usedUp = await client.GetStringAsync($"/Account/Register?invite={used.Token}");
        Assert.Contains("already been used", usedUp);
        Assert.DoesNotContain("Input.Password", usedUp);

        // A POST straight past the (hidden) form is refused the same way; the antiforgery token comes from the login form.
        var token = Regex.Match(await client.GetStringAsync("/Account/Login"), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var post = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "sneaky@example.test",
            ["Input.Password"] = IdentityForms.Password,
            ["Input.ConfirmPassword"] = IdentityForms.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "register",
        }));
        // Blazor answers 400: the form the POST names is not on the refused page. Either way: no account, no 500.
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);

        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync("sneaky@example.test"));
        Assert.Equal(2, await users.Users.CountAsync());
        Assert.Equal(3, await _app.QueryAsync(db => db.Teams.CountAsync()));
    }

    [Fact]
    public async Task InvitePage_SendsVisitorsToLogin_WhichOffersRegistrationWithTheInvite()
    {
        var (_, ownerId) = await _app.RegisterAsync("owner@example.test");
        var studio = await _app.CreateTeamAsync(ownerId, "Studio");
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, studio, TeamRole.Editor));

        using var visitor = IdentityForms.CreateClient(_app);
        var response = await visitor.GetAsync($"/invite/{invite.Token}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = response.Headers.Location!.OriginalString;
        Assert.Contains("/Account/Login?ReturnUrl=", login, StringComparison.OrdinalIgnoreCase);

        var page = await visitor.GetStringAsync(login);
        Assert.Contains("You have been invited to join a team", page);
        Assert.Contains($"invite={invite.Token}", page);
    }
}
