using System.Net;
using System.Text.RegularExpressions;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Tests.Teams;

public sealed partial class TeamPageAccessTests : IDisposable
{
    private readonly TeamsApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task NonMember_GetsTheSame404_AsForATeamThatDoesNotExist()
    {
        var (owner, ownerId) = await _app.RegisterAsync("owner@example.test");
        var (outsider, _) = await _app.RegisterAsync("outsider@example.test");
        var team = await _app.CreateTeamAsync(ownerId, "Secret Studio");

        var mine = await owner.GetAsync($"/teams/{team}");
        var theirs = await outsider.GetAsync($"/teams/{team}");
        var unknown = await outsider.GetAsync($"/teams/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("<h1>Secret Studio</h1>", await mine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var theirsBody = await theirs.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secret Studio", theirsBody);
        Assert.Equal(MainContent(await unknown.Content.ReadAsStringAsync()), MainContent(theirsBody));
        Assert.Contains("does not exist", MainContent(theirsBody));
        owner.Dispose();
        outsider.Dispose();
    }

    [Fact]
    public async Task FormerMember_Gets404_AfterBeingRemoved()
    {
        var (_, ownerId) = await _app.RegisterAsync("owner@example.test");
        var (bob, bobId) = await _app.RegisterAsync("bob@example.test");
        var team = await _app.CreateTeamAsync(ownerId, "Studio");
        await _app.AddMemberAsync(team, ownerId, bobId, TeamRole.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/teams/{team}")).StatusCode);
        Assert.True((await _app.Get<RemoveMember>().HandleAsync(new(ownerId, team, bobId))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/teams/{team}")).StatusCode);
        Assert.Null(await _app.Get<TeamAccess>().GetRoleAsync(bobId, team));
        bob.Dispose();
    }

    [Fact]
    public async Task TeamPage_ShowsOwnersTheManagementControls_AndMembersOnlyTheList()
    {
        var (owner, ownerId) = await _app.RegisterAsync("owner@example.test");
        var (viewer, viewerId) = await _app.RegisterAsync("viewer@example.test");
        var team = await _app.CreateTeamAsync(ownerId, "Studio");
        await _app.AddMemberAsync(team, ownerId, viewerId, TeamRole.Viewer);

        var asOwner = await owner.GetStringAsync($"/teams/{team}");
        var asViewer = await viewer.GetStringAsync($"/teams/{team}");

        Assert.Contains("aria-label=\"Role of viewer@example.test\"", asOwner);
        Assert.Contains("aria-label=\"Remove viewer@example.test\"", asOwner);
        Assert.Contains("aria-label=\"Invite role\"", asOwner);
        Assert.Contains("Expires in (days)", asOwner);
        Assert.Contains("Delete team", asOwner);
        Assert.Contains("viewer@example.test", asViewer);
        Assert.Contains("Leave team", asViewer);
        Assert.DoesNotContain("Role of", asViewer);
        Assert.DoesNotContain("Invite role", asViewer);
        Assert.DoesNotContain("Delete team", asViewer);
        owner.Dispose();
        viewer.Dispose();
    }

    private static string MainContent(string html) => MainRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("<main class=\"app-body\">(.*?)</main>", RegexOptions.Singleline)]
    private static partial Regex MainRegex();
}
