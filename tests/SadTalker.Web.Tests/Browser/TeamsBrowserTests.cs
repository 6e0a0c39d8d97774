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

    [GeneratedRegex("/invite/[A-Za-z0-9_-]{43}$")]
    private static partial Regex InviteLink();
}
