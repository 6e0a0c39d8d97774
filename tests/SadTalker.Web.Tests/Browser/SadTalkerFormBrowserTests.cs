using Microsoft.Playwright;
using SadTalker.Web.Tests.Generation;
using SadTalker.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

/// <summary>
/// The Generate page without a SadTalker pack (the engine is listed, disabled, with the reason) and with the synthetic
/// contract pack (every SadTalker option reachable by its label, a reference video uploaded through its file input).
/// </summary>
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

    [Fact]
    public async Task GeneratePage_WithAPack_OffersEverySadTalkerOption_AndTakesAReferenceVideo()
    {
        using var packs = new TempDir("sadtalker-pack");
        await SadTalkerWorld.BuildPackAsync(packs.Path);
        var clip = Path.Combine(packs.Path, "nod.mp4");
        await ReferenceVideoWorld.MakeVideoAsync(clip, 1.5, "libx264", size: 160);
        await using var session = await BrowserSession.StartAsync(
            browser.Browser, new Dictionary<string, string> { ["Inference:SadTalkerPackDir"] = Path.Combine(packs.Path, "pack") });
        var page = session.Page;
        await session.RegisterAsync("sky@example.test");
        await page.GotoAsync("/generate");
        await session.WaitForCircuitAsync();

        var engine = page.GetByLabel("Engine", new() { Exact = true });
        await Expect(engine.Locator("option[value=sadtalker]")).ToBeEnabledAsync();
        await engine.SelectOptionAsync("sadtalker");

        // inference.py's options: pose style, expression scale, still, preprocess, size, batch size, enhancer, free view, references; plus seed.
        foreach (var label in new[]
        {
            "Pose style (0–45)", "Expression scale (0–2)", "Still (no head motion)", "Seed (optional)", "Batch size (1–10, frames per renderer step)", "Face enhancer",
            "Free-view yaw keyframes (degrees, e.g. 0, 30, -30)", "Free-view pitch keyframes (degrees)", "Free-view roll keyframes (degrees)",
        })
        {
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToBeEnabledAsync();
        }

        await Expect(page.GetByLabel("Preprocess", new() { Exact = true }).Locator("option[value=ExtFull]")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Size (pixels)", new() { Exact = true }).Locator("option[value='512']")).ToHaveCountAsync(1);
        await page.Locator("input[type=file][aria-label='Reference eye-blink video']").SetInputFilesAsync(clip);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Eye-blink: nod.mp4 (1.5 s)" })).ToBeVisibleAsync();
        await page.GetByLabel("Use the eye-blink video as the pose video too").CheckAsync();
        await Expect(page.Locator("input[type=file][aria-label='Reference pose video']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove reference eye-blink video" })).ToBeVisibleAsync();
    }
}
