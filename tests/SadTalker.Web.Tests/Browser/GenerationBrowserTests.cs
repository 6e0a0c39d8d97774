using System.Globalization;
using Microsoft.Playwright;
using SadTalker.Inference.Media;
using SadTalker.Web.Tests.Generation;
using SadTalker.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class GenerationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task UploadConsentGenerate_ShowsLiveProgressAndPreview_ThenPlaysAndDownloadsTheVideo()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var page = session.Page;
        await session.RegisterAsync("ann@example.test");
        await GotoGenerateAsync(session);
        await UploadAsync(page, "Upload a new portrait", "astronaut.png", "Added “astronaut”.");
        await UploadAsync(page, "Upload new audio", "speech-en-10s.wav", "Added “speech-en-10s”.");

        // Without consent the form says why it refuses.
        await page.GetByLabel("Portrait", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "astronaut" });
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Portrait checks" })).ToContainTextAsync("Face OK");
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Portrait checks" })).ToContainTextAsync("not usable");
        await page.GetByLabel("Audio", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not generated" })).ToContainTextAsync("has no approved consent");

        // An Admin's approval (seeded in the database), then the same choices generate.
        await ConsentSeed.ApproveAsync(session.DataDir, await ConsentSeed.PortraitIdAsync(session.DataDir, "astronaut"));
        await GotoGenerateAsync(session);
        await page.GetByLabel("Portrait", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "astronaut" });
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Portrait checks" })).ToContainTextAsync("approved for Internal");
        await page.GetByLabel("Audio", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(page.GetByLabel("Watermark text", new() { Exact = true })).ToHaveValueAsync("AI-generated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();

        // The progress bar moves and a preview frame arrives, live.
        var bar = page.GetByRole(AriaRole.Progressbar, new() { Name = "Progress of job astronaut" });
        var job = page.GetByRole(AriaRole.Listitem, new() { Name = "Job astronaut + speech-en-10s" });
        var values = new HashSet<double>();
        string? preview = null;
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await job.GetByText("Succeeded").IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "The job did not finish in 90 s:\n" + session.App.Output);
            if (await bar.IsVisibleAsync() && await bar.GetAttributeAsync("value", new() { Timeout = 1000 }) is { } now)
            {
                values.Add(double.Parse(now, CultureInfo.InvariantCulture));
            }
            else if (seen.Count < 30 && await job.IsVisibleAsync())
            {
                seen.Add(await job.InnerTextAsync(new() { Timeout = 1000 }));
            }

            var img = job.GetByRole(AriaRole.Img, new() { Name = "Live preview of job astronaut" });
            if (preview is null && await img.IsVisibleAsync())
            {
                preview = await img.GetAttributeAsync("src", new() { Timeout = 1000 });
            }

            await Task.Delay(100);
        }

        Assert.True(values.Count(v => v is > 0 and < 100) >= 2, $"progress values seen: {string.Join(", ", values.Order())}; cards: {string.Join(" | ", seen)}");
        Assert.StartsWith("data:image/jpeg;base64,/9j/", preview);

        // The Videos page plays it and downloads it.
        await page.GotoAsync("/videos");
        await session.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Play video astronaut" }).ClickAsync();
        var player = page.GetByLabel("Player for astronaut");
        var audioSeconds = (await MediaProbe.ProbeAsync(RepoPaths.Fixture("speech-en-10s.wav"), default)).Duration!.Value.TotalSeconds;
        var played = await player.EvaluateAsync<double>(
            "v => new Promise((ok, fail) => { if (v.readyState >= 1) ok(v.duration); v.onloadedmetadata = () => ok(v.duration); v.onerror = () => fail(v.error && v.error.message); })");
        Assert.InRange(played, audioSeconds - 0.1, audioSeconds + 0.1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download video astronaut" }).ClickAsync());
        var file = Path.Combine(session.DataDir, "downloaded.mp4");
        await download.SaveAsAsync(file);
        var info = await MediaProbe.ProbeAsync(file, default);
        Assert.InRange(info.Duration!.Value.TotalSeconds, audioSeconds - 0.1, audioSeconds + 0.1);
        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.Equal(25, info.Video.FrameRate!.Value, 3);
        Assert.Equal(["ftyp", "moov", "mdat"], TopLevelBoxes(file).Where(b => b is "ftyp" or "moov" or "mdat").ToList());
    }

    private static async Task GotoGenerateAsync(BrowserSession session)
    {
        await session.Page.GotoAsync("/generate");
        await session.WaitForCircuitAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Generate", Exact = true }).WaitForAsync();
    }

    private static async Task UploadAsync(IPage page, string control, string fixture, string done)
    {
        await page.Locator($"input[type=file][aria-label='{control}']").SetInputFilesAsync(RepoPaths.Fixture(fixture));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = done })).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    /// <summary>Top-level MP4 box types in file order ("faststart" puts moov before mdat).</summary>
    private static List<string> TopLevelBoxes(string path)
    {
        using var stream = File.OpenRead(path);
        var boxes = new List<string>();
        var header = new byte[16];
        while (stream.Position + 8 <= stream.Length)
        {
            var start = stream.Position;
            stream.ReadExactly(header, 0, 8);
            long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header);
            boxes.Add(System.Text.Encoding.ASCII.GetString(header, 4, 4));
            if (size == 1)
            {
                stream.ReadExactly(header, 8, 8);
                size = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                break;
            }

            stream.Position = start + size;
        }

        return boxes;
    }
}
