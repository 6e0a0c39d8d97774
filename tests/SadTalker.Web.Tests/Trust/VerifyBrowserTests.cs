using Microsoft.Playwright;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Trust;
using SadTalker.Web.Hosting;
using SadTalker.Web.Tests.Browser;
using SadTalker.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Trust;

/// <summary>The /verify and /about/provenance pages in a real browser against the real app process.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VerifyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task VerifyPage_ReportsEachVerdict_AndTheAboutPageShowsTheKey()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var page = session.Page;
        await session.RegisterAsync("vera@example.test");
        using var key = ProvenanceKeyStore.LoadOrCreate(TrustExtensions.KeyFolder(session.DataDir));

        await page.GotoAsync("/about/provenance");
        await Expect(page.GetByLabel("Public key (PEM)")).ToHaveValueAsync(key.PublicKeyPem);
        await Expect(page.Locator("#provenance-key-id")).ToHaveTextAsync(key.KeyId);

        var dir = Directory.CreateDirectory(Path.Combine(session.DataDir, "verify-inputs")).FullName;
        var clean = Path.Combine(dir, "clean.mp4");
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-loop", "1", "-i", RepoPaths.Fixture("astronaut.png"), "-t", "4", "-vf", "scale=256:256", "-r", "25",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", clean], default);
        await VerifyAsync(session, clean);
        await Expect(Result(page)).ToContainTextAsync("No watermark, no record");

        // Signed with this installation's key for a job it never had.
        var signed = Path.Combine(dir, "signed.mp4");
        File.Copy(clean, signed);
        var jobId = Guid.NewGuid();
        await ProvenanceSigner.SignAndEmbedAsync(signed, new ProvenanceManifest
        {
            GeneratorName = "test", GeneratorVersion = "1", EngineId = "none", EngineVersion = "1", PortraitSha256 = new string('a', 64),
            AudioSha256 = new string('b', 64), JobId = jobId.ToString("D"), CreatedUtc = DateTime.UtcNow, WatermarkPayload = WatermarkPayload.FromJobId(jobId).Hex,
        }, key, default);
        await VerifyAsync(session, signed);
        await Expect(Result(page)).ToContainTextAsync("Job unknown");
        await Expect(Result(page)).ToContainTextAsync("signed with this installation's key");

        var text = Path.Combine(dir, "notes.mp4");
        await File.WriteAllTextAsync(text, "not a video");
        await VerifyAsync(session, text);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not a video that can be read");
    }

    private static ILocator Result(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Verification result" });

    private static async Task VerifyAsync(BrowserSession session, string path)
    {
        var page = session.Page;
        await page.GotoAsync("/verify");
        await session.WaitForCircuitAsync();
        await page.Locator("input[type=file][aria-label='Video to verify']").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Expect(Result(page).Or(page.GetByRole(AriaRole.Alert))).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }
}
