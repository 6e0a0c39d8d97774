using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Tests.Teams;

public sealed class MembershipTests : IDisposable
{
    private readonly TeamsApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> UserAsync(string email)
    {
        var (client, id) = await _app.RegisterAsync(email);
        client.Dispose();
        return id;
    }

    private async Task<(string Owner, string Editor, string Viewer, Guid Team)> StudioAsync()
    {
        var owner = await UserAsync("owner@example.test");
        var editor = await UserAsync("editor@example.test");
        var viewer = await UserAsync("viewer@example.test");
        var team = await _app.CreateTeamAsync(owner, "Studio");
        await _app.AddMemberAsync(team, owner, editor, TeamRole.Editor);
        await _app.AddMemberAsync(team, owner, viewer, TeamRole.Viewer);
        return (owner, editor, viewer, team);
    }

    private Task<TeamRole?> RoleAsync(string userId, Guid teamId) => _app.Get<TeamAccess>().GetRoleAsync(userId, teamId);

    [Fact]
    public async Task CreateTeam_MakesTheCreatorOwner_AndValidatesTheName()
    {
        var owner = await UserAsync("owner@example.test");

        var created = await _app.Get<CreateTeam>().HandleAsync(new(owner, "  Studio  "));
        Assert.Null(created.Error);
        Assert.Contains(new TeamSummary(created.TeamId!.Value, "Studio", false, TeamRole.Owner), await _app.Get<TeamAccess>().ListTeamsAsync(owner));

        Assert.Equal("Enter a team name.", (await _app.Get<CreateTeam>().HandleAsync(new(owner, "   "))).Error);
        Assert.Equal("The team name is 101 characters long; the limit is 100.", (await _app.Get<CreateTeam>().HandleAsync(new(owner, new string('x', 101)))).Error);
        Assert.Null((await _app.Get<CreateTeam>().HandleAsync(new(owner, new string('x', 100)))).Error);
        Assert.Equal(3, await _app.QueryAsync(db => db.Teams.CountAsync()));
    }

    [Fact]
    public async Task Owner_ChangesRoles_OthersCannot()
    {
        var (owner, editor, viewer, team) = await StudioAsync();

        Assert.Null((await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, viewer, TeamRole.Editor))).Error);
        Assert.Equal(TeamRole.Editor, await RoleAsync(viewer, team));

        var byEditor = await _app.Get<ChangeMemberRole>().HandleAsync(new(editor, team, editor, TeamRole.Owner));
        Assert.Equal("Only owners of this team can change roles.", byEditor.Error);
        Assert.Equal(TeamRole.Editor, await RoleAsync(editor, team));

        var outsider = await UserAsync("outsider@example.test");
        Assert.Equal("That team does not exist or you are not a member of it.", (await _app.Get<ChangeMemberRole>().HandleAsync(new(outsider, team, editor, TeamRole.Viewer))).Error);
        Assert.Equal("That person is not a member of this team.", (await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, outsider, TeamRole.Viewer))).Error);
        Assert.Equal("Choose Owner, Editor or Viewer.", (await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, editor, (TeamRole)7))).Error);
    }

    [Fact]
    public async Task LastOwner_CannotBeDemoted_ButCanOnceThereIsAnother()
    {
        var (owner, editor, _, team) = await StudioAsync();

        var refused = await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, owner, TeamRole.Editor));
        Assert.Equal("owner@example.test is the last owner of Studio. Make another member an owner first.", refused.Error);
        Assert.Equal(TeamRole.Owner, await RoleAsync(owner, team));

        Assert.Null((await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, editor, TeamRole.Owner))).Error);
        Assert.Null((await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, owner, TeamRole.Editor))).Error);
        Assert.Equal(TeamRole.Editor, await RoleAsync(owner, team));
    }

    [Fact]
    public async Task TwoOwnersDemotingEachOtherAtOnce_LeaveOneOwner()
    {
        var (owner, editor, _, team) = await StudioAsync();
        Assert.Null((await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, editor, TeamRole.Owner))).Error);

        await Task.WhenAll(
            Task.Run(() => _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, editor, TeamRole.Viewer))),
            Task.Run(() => _app.Get<ChangeMemberRole>().HandleAsync(new(editor, team, owner, TeamRole.Viewer))));

        Assert.Equal(1, await _app.QueryAsync(db => db.TeamMembers.CountAsync(m => m.TeamId == team && m.Role == TeamRole.Owner)));
    }

    [Fact]
    public async Task Owner_RemovesMembers_OthersCannot_AndTheLastOwnerStays()
    {
        var (owner, editor, viewer, team) = await StudioAsync();

        Assert.Equal("Only owners of this team can remove members.", (await _app.Get<RemoveMember>().HandleAsync(new(editor, team, viewer))).Error);
        Assert.Equal(TeamRole.Viewer, await RoleAsync(viewer, team));

        Assert.Null((await _app.Get<RemoveMember>().HandleAsync(new(owner, team, viewer))).Error);
        Assert.Null(await RoleAsync(viewer, team));
        Assert.Null(await _app.Get<GetTeam>().HandleAsync(new(viewer, team)));

        Assert.Equal("owner@example.test is the last owner of Studio. Make another member an owner first.",
            (await _app.Get<RemoveMember>().HandleAsync(new(owner, team, owner))).Error);
        Assert.Equal(TeamRole.Owner, await RoleAsync(owner, team));
    }

    [Fact]
    public async Task Members_Leave_ButTheLastOwnerCannot()
    {
        var (owner, editor, viewer, team) = await StudioAsync();

        Assert.True((await _app.Get<LeaveTeam>().HandleAsync(new(viewer, team))).Succeeded);
        Assert.Null(await RoleAsync(viewer, team));
        Assert.Equal("That team does not exist or you are not a member of it.", (await _app.Get<LeaveTeam>().HandleAsync(new(viewer, team))).Error);

        var refused = await _app.Get<LeaveTeam>().HandleAsync(new(owner, team));
        Assert.Equal("You are the last owner of Studio. Make another member an owner first, or delete the team.", refused.Error);
        Assert.Equal(TeamRole.Owner, await RoleAsync(owner, team));

        Assert.Null((await _app.Get<ChangeMemberRole>().HandleAsync(new(owner, team, editor, TeamRole.Owner))).Error);
        Assert.True((await _app.Get<LeaveTeam>().HandleAsync(new(owner, team))).Succeeded);
        Assert.Equal(TeamRole.Owner, await RoleAsync(editor, team));
    }

    [Fact]
    public async Task PersonalTeam_KeepsItsOwner_AndCannotBeDeleted()
    {
        var ann = await UserAsync("ann@example.test");
        var bob = await UserAsync("bob@example.test");
        var personal = (await _app.Get<ActiveTeam>().GetAsync(ann)).Id;
        await _app.AddMemberAsync(personal, ann, bob, TeamRole.Owner);

        const string keeps = "This is ann@example.test's personal team: they always stay its owner.";
        Assert.Equal("This is your personal team: you cannot leave it.", (await _app.Get<LeaveTeam>().HandleAsync(new(ann, personal))).Error);
        Assert.Equal(keeps, (await _app.Get<ChangeMemberRole>().HandleAsync(new(bob, personal, ann, TeamRole.Viewer))).Error);
        Assert.Equal(keeps, (await _app.Get<RemoveMember>().HandleAsync(new(bob, personal, ann))).Error);
        Assert.Equal("A personal team cannot be deleted.", (await _app.Get<DeleteTeam>().HandleAsync(new(ann, personal))).Error);
        Assert.Equal(TeamRole.Owner, await RoleAsync(ann, personal));

        // Others in someone's personal team may still leave it.
        Assert.True((await _app.Get<LeaveTeam>().HandleAsync(new(bob, personal))).Succeeded);
    }

    [Fact]
    public async Task Owner_RenamesAndDeletesTheTeam_WithItsMembershipsAndInvites()
    {
        var (owner, editor, viewer, team) = await StudioAsync();
        await _app.Get<CreateInvite>().HandleAsync(new(owner, team, TeamRole.Viewer));

        Assert.Equal("Only owners of this team can rename it.", (await _app.Get<RenameTeam>().HandleAsync(new(editor, team, "Mine"))).Error);
        Assert.Equal("Enter a team name.", (await _app.Get<RenameTeam>().HandleAsync(new(owner, team, ""))).Error);
        Assert.Null((await _app.Get<RenameTeam>().HandleAsync(new(owner, team, " Studio Two "))).Error);
        Assert.Equal("Studio Two", (await _app.Get<GetTeam>().HandleAsync(new(viewer, team)))!.Name);

        Assert.Equal("Only owners of this team can delete it.", (await _app.Get<DeleteTeam>().HandleAsync(new(editor, team))).Error);
        Assert.Null((await _app.Get<DeleteTeam>().HandleAsync(new(owner, team))).Error);

        Assert.Equal(0, await _app.QueryAsync(db => db.Teams.CountAsync(t => t.Id == team)));
        Assert.Equal(0, await _app.QueryAsync(db => db.TeamMembers.CountAsync(m => m.TeamId == team)));
        Assert.Equal(0, await _app.QueryAsync(db => db.TeamInvites.CountAsync(i => i.TeamId == team)));
        Assert.Equal("That team does not exist or you are not a member of it.", (await _app.Get<DeleteTeam>().HandleAsync(new(owner, team))).Error);
    }

    [Fact]
    public async Task GetTeam_ShowsInvitesToOwnersOnly()
    {
        var (owner, editor, _, team) = await StudioAsync();
        await _app.Get<CreateInvite>().HandleAsync(new(owner, team, TeamRole.Viewer, MaxUses: 2));

        var asOwner = (await _app.Get<GetTeam>().HandleAsync(new(owner, team)))!;
        var asEditor = (await _app.Get<GetTeam>().HandleAsync(new(editor, team)))!;

        Assert.Equal(3, asOwner.Members.Count);
        Assert.Equal("owner@example.test", asOwner.Members[0].Email);
        var invite = Assert.Single(asOwner.Invites);
        Assert.Equal(("owner@example.test", 0, 2), (invite.CreatedBy, invite.Uses, invite.MaxUses));
        Assert.Equal(3, asEditor.Members.Count);
        Assert.Empty(asEditor.Invites);
    }
}
