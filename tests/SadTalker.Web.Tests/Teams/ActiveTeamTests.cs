using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Tests.Teams;

public sealed class ActiveTeamTests : IDisposable
{
    private readonly TeamsApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> UserAsync(string email)
    {
        var (client, id) = await _app.RegisterAsync(email);
        client.Dispose();
        return id;
    }

    [Fact]
    public async Task SetAsync_IsRememberedOnTheAccount()
    {
        var ann = await UserAsync("ann@example.test");
        var studio = await _app.CreateTeamAsync(ann, "Studio");

        await _app.Get<ActiveTeam>().SetAsync(ann, studio);

        Assert.Equal(new TeamSummary(studio, "Studio", false, TeamRole.Owner), await _app.Get<ActiveTeam>().GetAsync(ann));
        Assert.Equal(studio, await _app.QueryAsync(db => db.Users.Where(u => u.Id == ann).Select(u => u.ActiveTeamId).SingleAsync()));

        // A new sign-in (another session) sees the same team in the header.
        using var client = Infrastructure.IdentityForms.CreateClient(_app);
        await Infrastructure.IdentityForms.LoginAsync(client, "ann@example.test");
        Assert.Contains("Studio (Owner)", await client.GetStringAsync("/teams"));
    }

    [Fact]
    public async Task SetAsync_RefusesATeamTheUserIsNotIn()
    {
        var ann = await UserAsync("ann@example.test");
        var bob = await UserAsync("bob@example.test");
        var bobs = await _app.CreateTeamAsync(bob, "Bob's studio");
        var before = await _app.Get<ActiveTeam>().GetAsync(ann);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.Get<ActiveTeam>().SetAsync(ann, bobs));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.Get<ActiveTeam>().SetAsync(ann, Guid.NewGuid()));

        Assert.Equal("You are not a member of that team.", error.Message);
        Assert.Equal(before, await _app.Get<ActiveTeam>().GetAsync(ann));
    }

    [Fact]
    public async Task ActiveTeam_FallsBackToThePersonalTeam_WhenTheMembershipEnds()
    {
        var owner = await UserAsync("owner@example.test");
        var bob = await UserAsync("bob@example.test");
        var studio = await _app.CreateTeamAsync(owner, "Studio");
        await _app.AddMemberAsync(studio, owner, bob, TeamRole.Editor);
        await _app.Get<ActiveTeam>().SetAsync(bob, studio);
        Assert.Equal(studio, (await _app.Get<ActiveTeam>().GetAsync(bob)).Id);

        Assert.True((await _app.Get<RemoveMember>().HandleAsync(new(owner, studio, bob))).Succeeded);

        var fallback = await _app.Get<ActiveTeam>().GetAsync(bob);
        Assert.True(fallback.IsPersonal);
        Assert.Equal("bob@example.test's team", fallback.Name);

        // Re-invited later, bob is not switched back to the old team behind his back.
        await _app.AddMemberAsync(studio, owner, bob, TeamRole.Viewer);
        Assert.Equal(fallback.Id, (await _app.Get<ActiveTeam>().GetAsync(bob)).Id);
    }

    [Fact]
    public async Task ActiveTeam_FallsBack_WhenTheTeamIsDeleted()
    {
        var ann = await UserAsync("ann@example.test");
        var studio = await _app.CreateTeamAsync(ann, "Studio");
        await _app.Get<ActiveTeam>().SetAsync(ann, studio);

        Assert.True((await _app.Get<DeleteTeam>().HandleAsync(new(ann, studio))).Succeeded);

        Assert.True((await _app.Get<ActiveTeam>().GetAsync(ann)).IsPersonal);
    }

    [Fact]
    public async Task Subscribers_HearOfSwitchesAndMembershipChanges_UntilTheyUnsubscribe()
    {
        var owner = await UserAsync("owner@example.test");
        var bob = await UserAsync("bob@example.test");
        var studio = await _app.CreateTeamAsync(owner, "Studio");
        var bobHeard = new List<Guid>();
        var ownerHeard = new List<Guid>();
        var active = _app.Get<ActiveTeam>();
        var bobSubscription = active.Subscribe(bob, id =>
        {
            lock (bobHeard)
            {
                bobHeard.Add(id);
            }

            return Task.CompletedTask;
        });
        using var ownerSubscription = active.Subscribe(owner, id =>
        {
            ownerHeard.Add(id);
            return Task.CompletedTask;
        });
        using var failing = active.Subscribe(bob, _ => throw new InvalidOperationException("a broken page"));

        await _app.AddMemberAsync(studio, owner, bob, TeamRole.Editor);
        var bobsPersonal = (await active.GetAsync(bob)).Id;
        await active.SetAsync(bob, studio);
        bobSubscription.Dispose();
        await active.SetAsync(bob, bobsPersonal);

        Assert.Equal([bobsPersonal, studio], bobHeard);
        Assert.NotEmpty(ownerHeard);
    }
}
