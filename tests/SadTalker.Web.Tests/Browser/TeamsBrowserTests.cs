using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class TeamsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task OwnerInvitesAnEditor_WhoJoinsByTheLink_AndMakesTheTeamActive()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var ann = session.Page;
        await session.RegisterAsync("ann@example.test");
        await Expect(ann.GetByRole(AriaRole.Combobox, new() { Name = "Active team" })).ToContainTextAsync("ann@example.test's team (Owner)");

        // Ann creates "Studio" and opens it.
        await ann.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await ann.GetByRole(AriaRole.Heading, new() { Name = "Teams", Exact = true }).WaitForAsync();
        await ann.GetByLabel("Team name").FillAsync("Studio");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await ann.GetByRole(AriaRole.Link, new() { Name = "Studio", Exact = true }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Studio", Level = 1 })).ToBeVisibleAsync();

        // An Editor invite with the defaults (7 days, one use); the link is shown once in a read-only field.
        await ann.GetByRole(AriaRole.Combobox, new() { Name = "Invite role" }).ClickAsync();
        await ann.GetByRole(AriaRole.Option, new() { Name = "Editor", Exact = true }).ClickAsync();
        await Expect(ann.GetByLabel("Expires in (days)")).ToHaveValueAsync("7");
        await Expect(ann.GetByLabel("Uses", new() { Exact = true })).ToHaveValueAsync("1");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }).ClickAsync();
        var linkField = ann.GetByLabel("Invite link");
        await Expect(linkField).ToHaveValueAsync(InviteLink());
        await Expect(linkField).ToHaveAttributeAsync("readonly", new Regex(".*"));
        var link = await linkField.InputValueAsync();

        // Bob, in his own browser context, registers, opens the link and joins.
        var bob = await session.NewPageAsync();
        await session.RegisterAsync("bob@example.test", page: bob);
        await bob.GotoAsync(link);
        await session.WaitForCircuitAsync(bob);
        await Expect(bob.GetByText("You have been invited to join")).ToContainTextAsync("Studio");
        await bob.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();
        await Expect(bob.GetByText("You joined")).ToContainTextAsync("You joined Studio as Editor");

        // Bob picks Studio in the header; the choice survives a new page load (a new circuit).
        var bobsTeam = bob.GetByRole(AriaRole.Combobox, new() { Name = "Active team" });
        await bobsTeam.ClickAsync();
        await bob.GetByRole(AriaRole.Option, new() { Name = "Studio (Editor)" }).ClickAsync();
        await Expect(bobsTeam).ToContainTextAsync("Studio (Editor)");
        await bob.ReloadAsync();
        await session.WaitForCircuitAsync(bob);
        await Expect(bobsTeam).ToContainTextAsync("Studio (Editor)");

        // Ann's open team page was told of the join: Bob is listed as an Editor without a reload.
        await Expect(ann.GetByRole(AriaRole.Row, new() { Name = "bob@example.test" })).ToBeVisibleAsync();
        await Expect(ann.GetByRole(AriaRole.Combobox, new() { Name = "Role of bob@example.test" })).ToContainTextAsync("Editor");
    }

    [Fact]
    public async Task Owner_ChangesRolesAndRemovesMembers_IsToldWhyTheLastOwnerStays_AndDeletesTheTeam()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var ann = session.Page;
        await session.RegisterAsync("ann@example.test");
        await ann.GotoAsync("/teams");
        await session.WaitForCircuitAsync();
        await ann.GetByLabel("Team name").FillAsync("Band");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await ann.GetByRole(AriaRole.Link, new() { Name = "Band", Exact = true }).ClickAsync();
        await ann.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }).ClickAsync();
        var link = await ann.GetByLabel("Invite link").InputValueAsync();

        var bob = await session.NewPageAsync();
        await session.RegisterAsync("bob@example.test", page: bob);
        await bob.GotoAsync(link);
        await session.WaitForCircuitAsync(bob);
        await bob.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();
        await Expect(bob.GetByText("You joined")).ToContainTextAsync("as Viewer");

        // Promote Bob; then Ann cannot demote herself or leave while she is the only owner.
        var bobsRole = ann.GetByRole(AriaRole.Combobox, new() { Name = "Role of bob@example.test" });
        await Expect(bobsRole).ToContainTextAsync("Viewer");
        await bobsRole.ClickAsync();
        await ann.GetByRole(AriaRole.Option, new() { Name = "Editor", Exact = true }).ClickAsync();
        await Expect(bobsRole).ToContainTextAsync("Editor");

        var annsRole = ann.GetByRole(AriaRole.Combobox, new() { Name = "Role of ann@example.test" });
        await annsRole.ClickAsync();
        await ann.GetByRole(AriaRole.Option, new() { Name = "Viewer", Exact = true }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Alert)).ToContainTextAsync("ann@example.test is the last owner of Band");
        await Expect(annsRole).ToContainTextAsync("Owner");

        await ann.GetByRole(AriaRole.Button, new() { Name = "Leave team" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Alert).Filter(new() { HasText = "You are the last owner" })).ToBeVisibleAsync();

        // Removing Bob asks first; his header stops offering the team.
        await ann.GetByRole(AriaRole.Button, new() { Name = "Remove bob@example.test" }).ClickAsync();
        await ann.GetByRole(AriaRole.Alertdialog, new() { Name = "Remove member" }).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Row, new() { Name = "bob@example.test" })).ToHaveCountAsync(0);
        await bob.GetByRole(AriaRole.Combobox, new() { Name = "Active team" }).ClickAsync();
        await Expect(bob.GetByRole(AriaRole.Option, new() { Name = "Band" })).ToHaveCountAsync(0);

        // Deleting asks first, then returns to the list without the team.
        await ann.GetByRole(AriaRole.Button, new() { Name = "Delete team" }).ClickAsync();
        await ann.GetByRole(AriaRole.Alertdialog, new() { Name = "Delete team" }).GetByRole(AriaRole.Button, new() { Name = "Delete team" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Teams", Exact = true })).ToBeVisibleAsync();
        await Expect(ann.GetByRole(AriaRole.Link, new() { Name = "Band", Exact = true })).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/invite/[A-Za-z0-9_-]{43}$")]
    private static partial Regex InviteLink();
}
