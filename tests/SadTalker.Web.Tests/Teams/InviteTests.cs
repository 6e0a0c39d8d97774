using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Tests.Teams;

public sealed class InviteTests : IDisposable
{
    private readonly TeamsApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(string OwnerId, Guid TeamId)> StudioAsync()
    {
        var (client, ownerId) = await _app.RegisterAsync("owner@example.test");
        client.Dispose();
        return (ownerId, await _app.CreateTeamAsync(ownerId, "Studio"));
    }

    private async Task<string> UserAsync(string email)
    {
        var (client, id) = await _app.RegisterAsync(email);
        client.Dispose();
        return id;
    }

    [Fact]
    public async Task NewInvite_ExpiresInSevenDays_IsSingleUse_AndStoresOnlyTheTokensHash()
    {
        var (ownerId, teamId) = await StudioAsync();

        var result = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Editor));

        Assert.Null(result.Error);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", result.Token!);
        Assert.Equal("invite/" + result.Token, CreateInvite.LinkPath(result.Token!));
        var stored = await _app.QueryAsync(db => db.TeamInvites.SingleAsync());
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime.AddDays(7), stored.ExpiresUtc);
        Assert.Equal(1, stored.MaxUses);
        Assert.Equal(0, stored.Uses);
        Assert.Equal(TeamRole.Editor, stored.Role);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result.Token!))), stored.TokenHash);
        Assert.DoesNotContain(result.Token!, File.ReadAllText(Path.Combine(_app.DataDir, "sadtalker.db"), Encoding.Latin1));
    }

    [Theory]
    [InlineData(0, 1, "expires after 1 to 90 days")]
    [InlineData(91, 1, "expires after 1 to 90 days")]
    [InlineData(7, 0, "used 1 to 1000 times")]
    [InlineData(7, 1001, "used 1 to 1000 times")]
    public async Task CreateInvite_RejectsOutOfRangeExpiryAndUses(int days, int uses, string message)
    {
        var (ownerId, teamId) = await StudioAsync();
        var result = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Viewer, days, uses));
        Assert.Contains(message, result.Error);
        Assert.Null(result.Token);
        Assert.Equal(0, await _app.QueryAsync(db => db.TeamInvites.CountAsync()));
    }

    [Fact]
    public async Task OnlyOwners_CreateInvites_AndOutsidersLearnNothing()
    {
        var (ownerId, teamId) = await StudioAsync();
        var editor = await UserAsync("editor@example.test");
        var outsider = await UserAsync("outsider@example.test");
        await _app.AddMemberAsync(teamId, ownerId, editor, TeamRole.Editor);

        var byEditor = await _app.Get<CreateInvite>().HandleAsync(new(editor, teamId, TeamRole.Owner));
        var byOutsider = await _app.Get<CreateInvite>().HandleAsync(new(outsider, teamId, TeamRole.Owner));
        var unknownTeam = await _app.Get<CreateInvite>().HandleAsync(new(outsider, Guid.NewGuid(), TeamRole.Owner));

        Assert.Equal("Only owners of this team can invite people.", byEditor.Error);
        Assert.Equal("That team does not exist or you are not a member of it.", byOutsider.Error);
        Assert.Equal(byOutsider.Error, unknownTeam.Error);
    }

    [Fact]
    public async Task SingleUseInvite_AdmitsOnePerson()
    {
        var (ownerId, teamId) = await StudioAsync();
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Editor));
        var bob = await UserAsync("bob@example.test");
        var cat = await UserAsync("cat@example.test");

        var joined = await _app.Get<AcceptInvite>().HandleAsync(new(bob, invite.Token));
        var refused = await _app.Get<AcceptInvite>().HandleAsync(new(cat, invite.Token));

        Assert.True(joined.Joined);
        Assert.Equal(new AcceptInvite.Offer(teamId, "Studio", TeamRole.Editor, _app.Clock.GetUtcNow().UtcDateTime.AddDays(7), TeamRole.Editor), joined.Offer);
        Assert.Equal(TeamRole.Editor, await _app.Get<TeamAccess>().GetRoleAsync(bob, teamId));
        Assert.False(refused.Joined);
        Assert.Equal("This invite link has already been used. Ask a team owner for a new one.", refused.Error);
        Assert.Null(await _app.Get<TeamAccess>().GetRoleAsync(cat, teamId));
    }

    [Fact]
    public async Task InviteForThree_AdmitsExactlyThree_EvenWhenAllAcceptAtOnce()
    {
        var (ownerId, teamId) = await StudioAsync();
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Viewer, MaxUses: 3));
        var people = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            people.Add(await UserAsync($"p{i}@example.test"));
        }

        var results = await Task.WhenAll(people.Select(p => Task.Run(() => _app.Get<AcceptInvite>().HandleAsync(new(p, invite.Token)))));

        Assert.Equal(3, results.Count(r => r.Joined));
        Assert.All(results.Where(r => !r.Joined), r => Assert.Contains("already been used 3 times", r.Error));
        Assert.Equal(3, await _app.QueryAsync(db => db.TeamInvites.Select(i => i.Uses).SingleAsync()));
        Assert.Equal(4, await _app.QueryAsync(db => db.TeamMembers.CountAsync(m => m.TeamId == teamId)));
    }

    [Fact]
    public async Task ExpiredInvite_IsRefused_AndChangesNothing()
    {
        var (ownerId, teamId) = await StudioAsync();
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Viewer, ExpiresInDays: 2, MaxUses: 5));
        var early = await UserAsync("early@example.test");
        var late = await UserAsync("late@example.test");

        _app.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.True((await _app.Get<AcceptInvite>().HandleAsync(new(early, invite.Token))).Joined);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var refused = await _app.Get<AcceptInvite>().HandleAsync(new(late, invite.Token));

        Assert.Equal("This invite link expired on 2026-11-23 12:00 UTC. Ask a team owner for a new one.", refused.Error);
        Assert.Null(await _app.Get<TeamAccess>().GetRoleAsync(late, teamId));
        Assert.Equal(1, await _app.QueryAsync(db => db.TeamInvites.Select(i => i.Uses).SingleAsync()));
    }

    [Fact]
    public async Task RevokedInvite_IsRefused_AndLeavesTheActiveList()
    {
        var (ownerId, teamId) = await StudioAsync();
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Viewer, MaxUses: 5));
        var bob = await UserAsync("bob@example.test");
        Assert.Single((await _app.Get<GetTeam>().HandleAsync(new(ownerId, teamId)))!.Invites);

        Assert.True((await _app.Get<RevokeInvite>().HandleAsync(new(ownerId, teamId, invite.InviteId!.Value))).Succeeded);
        var refused = await _app.Get<AcceptInvite>().HandleAsync(new(bob, invite.Token));

        Assert.Equal("This invite link has been revoked by a team owner. Ask them for a new one.", refused.Error);
        Assert.Null(await _app.Get<TeamAccess>().GetRoleAsync(bob, teamId));
        Assert.Empty((await _app.Get<GetTeam>().HandleAsync(new(ownerId, teamId)))!.Invites);
    }

    [Fact]
    public async Task OnlyOwners_RevokeInvites_OfTheirOwnTeam()
    {
        var (ownerId, teamId) = await StudioAsync();
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Viewer));
        var editor = await UserAsync("editor@example.test");
        await _app.AddMemberAsync(teamId, ownerId, editor, TeamRole.Editor);
        var otherTeam = await _app.CreateTeamAsync(ownerId, "Other");

        Assert.Equal("Only owners of this team can revoke invites.", (await _app.Get<RevokeInvite>().HandleAsync(new(editor, teamId, invite.InviteId!.Value))).Error);
        Assert.Equal("That invite does not exist.", (await _app.Get<RevokeInvite>().HandleAsync(new(ownerId, otherTeam, invite.InviteId!.Value))).Error);
        Assert.Null(await _app.QueryAsync(db => db.TeamInvites.Where(i => i.Id == invite.InviteId).Select(i => i.RevokedUtc).SingleAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../../etc/passwd/AAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownOrMalformedToken_IsNotValid(string token)
    {
        var (_, teamId) = await StudioAsync();
        var bob = await UserAsync("bob@example.test");
        var result = await _app.Get<AcceptInvite>().HandleAsync(new(bob, token));
        Assert.Equal(AcceptInvite.InvalidLink, result.Error);
        Assert.Null(result.Offer);
        Assert.Null(await _app.Get<TeamAccess>().GetRoleAsync(bob, teamId));
    }

    [Fact]
    public async Task AlreadyAMember_IsToldSo_WithoutUsingTheInviteOrChangingTheRole()
    {
        var (ownerId, teamId) = await StudioAsync();
        var bob = await UserAsync("bob@example.test");
        await _app.AddMemberAsync(teamId, ownerId, bob, TeamRole.Viewer);
        var ownerInvite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Owner));

        var result = await _app.Get<AcceptInvite>().HandleAsync(new(bob, ownerInvite.Token));

        Assert.Null(result.Error);
        Assert.False(result.Joined);
        Assert.Equal(TeamRole.Viewer, result.Offer!.CurrentRole);
        Assert.Equal(TeamRole.Viewer, await _app.Get<TeamAccess>().GetRoleAsync(bob, teamId));
        Assert.Equal(0, await _app.QueryAsync(db => db.TeamInvites.Where(i => i.Id == ownerInvite.InviteId).Select(i => i.Uses).SingleAsync()));
    }

    [Fact]
    public async Task InvitePage_ShowsTheOffer_AndExplainsUnusableLinks()
    {
        var (ownerId, teamId) = await StudioAsync();
        var invite = await _app.Get<CreateInvite>().HandleAsync(new(ownerId, teamId, TeamRole.Editor));
        var (bob, _) = await _app.RegisterAsync("bob@example.test");

        var offer = await bob.GetStringAsync($"/invite/{invite.Token}");
        Assert.Contains("You have been invited to join <strong>Studio</strong> as <strong>Editor</strong>", offer);
        Assert.Contains("Join team", offer);

        var bogus = await bob.GetAsync("/invite/nonsense");
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
        Assert.Contains("This invite link is not valid", await bogus.Content.ReadAsStringAsync());
        bob.Dispose();
    }
}
