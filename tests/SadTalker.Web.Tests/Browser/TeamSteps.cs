using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

/// <summary>Team steps several browser tests share, driven by label and role.</summary>
public static class TeamSteps
{
    /// <summary>Creates a team from the Teams page, opens it, and returns a fresh invite link for <paramref name="role"/>.</summary>
    public static async Task<string> CreateTeamAndInviteAsync(IPage owner, string teamName, string role)
    {
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await owner.GetByRole(AriaRole.Heading, new() { Name = "Teams", Exact = true }).WaitForAsync();
        await owner.GetByLabel("Team name").FillAsync(teamName);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = teamName, Exact = true }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = teamName, Level = 1 })).ToBeVisibleAsync();
        // The choice must show before the link is made: under load a click on an option of the still-opening popup
        // was lost once and the invite kept the default role (Viewer), so the pick is retried until it shows.
        var rolePicker = owner.GetByRole(AriaRole.Combobox, new() { Name = "Invite role" });
        for (var attempt = 1; ; attempt++)
        {
            await rolePicker.ClickAsync();
            await owner.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
            try
            {
                await Expect(rolePicker).ToContainTextAsync(role, new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await owner.GetByRole(AriaRole.Button, new() { Name = "Create invite link" }).ClickAsync();
        var linkField = owner.GetByLabel("Invite link");
        await Expect(linkField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/invite/"));
        return await linkField.InputValueAsync();
    }

    /// <summary>Opens an invite link, joins, and makes the team active in the header.</summary>
    public static async Task JoinAndActivateAsync(BrowserSession session, IPage page, string link, string teamName, string role)
    {
        await page.GotoAsync(link);
        await session.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();
        await Expect(page.GetByText("You joined")).ToContainTextAsync($"You joined {teamName} as {role}");
        await ActivateAsync(page, $"{teamName} ({role})");
    }

    public static async Task ActivateAsync(IPage page, string option)
    {
        var picker = page.GetByRole(AriaRole.Combobox, new() { Name = "Active team" });
        await picker.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await Expect(picker).ToContainTextAsync(option);
    }
}
