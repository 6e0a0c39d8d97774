using Microsoft.Playwright;
using SadTalker.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LibraryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EditorUploads_OwnerSeesThem_OutsiderCannotOpenThem()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var ann = session.Page;
        await session.RegisterAsync("ann@example.test");
        var link = await TeamSteps.CreateTeamAndInviteAsync(ann, "Studio", "Editor");

        var bob = await session.NewPageAsync();
        await session.RegisterAsync("bob@example.test", page: bob);
        await TeamSteps.JoinAndActivateAsync(session, bob, link, "Studio", "Editor");

        // Bob uploads two portraits and a speech clip into Studio's library.
        await bob.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link, new() { Name = "Library" }).ClickAsync();
        await bob.GetByRole(AriaRole.Heading, new() { Name = "Library", Exact = true }).WaitForAsync();
        await UploadAsync(bob, "Upload portrait", "astronaut.png", "Added “astronaut”.");
        await UploadAsync(bob, "Upload portrait", "coffee.png", "Added “coffee”.");
        await bob.GetByRole(AriaRole.Tab, new() { Name = "Audio" }).ClickAsync();
        await UploadAsync(bob, "Upload audio", "speech-en-10s.mp3", "Added “speech-en-10s”.");

        // The audio page: duration about 11 s, a waveform and a player.
        await bob.GetByRole(AriaRole.Link, new() { Name = "speech-en-10s" }).ClickAsync();
        await Expect(bob.GetByTestId("audio-duration")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\(11\.[01]\d s\)"));
        await Expect(bob.GetByRole(AriaRole.Img, new() { Name = "Waveform of speech-en-10s" })).ToBeVisibleAsync();
        var audioUrl = bob.Url;
        Assert.True(await bob.Locator("audio").EvaluateAsync<bool>("a => a.canPlayType('audio/mp4') !== ''"));
        await Expect(bob.Locator("audio")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("files/playback$"));

        // The portrait pages: the face check verdicts, with the box drawn over the astronaut.
        await bob.GotoAsync("/library");
        await session.WaitForCircuitAsync(bob);
        await bob.GetByRole(AriaRole.Link, new() { Name = "astronaut" }).ClickAsync();
        await Expect(bob.GetByText("Face OK")).ToBeVisibleAsync();
        await Expect(bob.GetByRole(AriaRole.Img, new() { Name = "Detected face box and keypoints" })).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("face-count")).ToHaveTextAsync("1");
        var astronautUrl = bob.Url;
        await bob.GotoAsync("/library");
        await session.WaitForCircuitAsync(bob);
        await bob.GetByRole(AriaRole.Link, new() { Name = "coffee" }).ClickAsync();
        await Expect(bob.GetByText("No face found")).ToBeVisibleAsync();

        // Ann, the owner, switches to Studio and sees all three.
        await TeamSteps.ActivateAsync(ann, "Studio (Owner)");
        await ann.GotoAsync("/library");
        await session.WaitForCircuitAsync(ann);
        var portraits = ann.GetByRole(AriaRole.List, new() { Name = "Portraits" });
        await Expect(portraits.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(portraits.GetByRole(AriaRole.Link, new() { Name = "astronaut" })).ToBeVisibleAsync();
        await ann.GetByRole(AriaRole.Tab, new() { Name = "Audio" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.List, new() { Name = "Audio clips" }).GetByRole(AriaRole.Link, new() { Name = "speech-en-10s" })).ToBeVisibleAsync();

        // Carl, in no shared team, gets the not-found page for the same URLs and 404 for the files.
        var carl = await session.NewPageAsync();
        await session.RegisterAsync("carl@example.test", page: carl);
        foreach (var url in new[] { astronautUrl, audioUrl })
        {
            var response = await carl.GotoAsync(url);
            Assert.Equal(404, response!.Status);
            await Expect(carl.GetByText("does not exist")).ToBeVisibleAsync();
        }

        var id = astronautUrl[(astronautUrl.LastIndexOf('/') + 1)..];
        var file = await carl.APIRequest.GetAsync($"/api/library/portraits/{id}/files/original");
        Assert.Equal(404, file.Status);
    }

    internal static async Task UploadAsync(IPage page, string control, string fixture, string done)
    {
        // Radzen keeps the real file input out of the accessibility tree behind its visible "choose" button, so the
        // input is found by the same label attribute rather than by role.
        await Expect(page.GetByText(control, new() { Exact = true }).First).ToBeVisibleAsync();
        await page.Locator($"input[type=file][aria-label='{control}']").SetInputFilesAsync(RepoPaths.Fixture(fixture));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = done })).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }
}
