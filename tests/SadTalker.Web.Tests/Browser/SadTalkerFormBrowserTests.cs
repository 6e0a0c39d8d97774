using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

/// <summary>The Generate page without a SadTalker pack: the engine is listed, disabled, with the reason; its options have labels.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SadTalkerFormBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task GeneratePage_ListsSadTalkerDisabledWithReason_AndLabelsItsOptions()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var page = session.Page;
        await session.RegisterAsync("sam@example.test");
        await page.GotoAsync("/generate");
        await session.WaitForCircuitAsync();

        var option = page.GetByLabel("Engine", new() { Exact = true }).Locator("option[value=sadtalker]");
        await Expect(option).ToBeDisabledAsync();
        await Expect(option).ToContainTextAsync("unavailable: SadTalker model pack not found");
        await Expect(page.GetByLabel("Engine", new() { Exact = true })).ToHaveValueAsync("studio-lite");

        // Studio Lite has neither batching nor free view, so those stay disabled; reference videos explain why they are off.
        await Expect(page.GetByLabel("Batch size (1–10, frames per renderer step)")).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Free-view yaw keyframes (degrees, e.g. 0, 30, -30)")).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Free-view pitch keyframes (degrees)")).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Free-view roll keyframes (degrees)")).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Reference pose video")).ToHaveAccessibleDescriptionAsync(
            "Not available for Studio Lite: it does not take reference videos.");
        await Expect(page.GetByLabel("Pose style (0–45)")).ToBeEnabledAsync();
    }
}
