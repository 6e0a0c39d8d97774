using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Tests.Consent;
using static Microsoft.Playwright.Assertions;

namespace SadTalker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ConsentBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EditorSubmitsConsentWithAPdf_AdminApprovesIt_AndTheAuditLogShowsBothSteps()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var ann = session.Page;
        await session.RegisterAsync("ann@example.test"); // first account: the site Admin
        var link = await TeamSteps.CreateTeamAndInviteAsync(ann, "Studio", "Editor");
        var bob = await session.NewPageAsync();
        await session.RegisterAsync("bob@example.test", page: bob);
        await TeamSteps.JoinAndActivateAsync(session, bob, link, "Studio", "Editor");

        // Bob uploads astronaut.png and opens the consent form from its page.
        await bob.GotoAsync("/library");
        await session.WaitForCircuitAsync(bob);
        await LibraryBrowserTests.UploadAsync(bob, "Upload portrait", "astronaut.png", "Added “astronaut”.");
        await bob.GetByRole(AriaRole.Link, new() { Name = "astronaut" }).ClickAsync();
        await Expect(bob.GetByText("No consent records")).ToBeVisibleAsync();
        await bob.GetByRole(AriaRole.Link, new() { Name = "Submit consent" }).ClickAsync();
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Submit consent" })).ToBeVisibleAsync();

        // A first try without the statements is refused with the exact wording missing; nothing is saved.
        var pdf = Path.Combine(Path.GetTempPath(), $"release-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, TestPdf.Minimal());
        try
        {
            await bob.GetByLabel("Subject's full name").FillAsync("Ada Lovelace");
            await bob.GetByLabel("Internal", new() { Exact = true }).CheckAsync();
            await bob.Locator("input[type=file][aria-label='Evidence files']").SetInputFilesAsync(pdf);
            await Expect(bob.GetByRole(AriaRole.List, new() { Name = "Chosen evidence files" })).ToContainTextAsync(Path.GetFileName(pdf));
            await bob.GetByRole(AriaRole.Button, new() { Name = "Submit consent" }).ClickAsync();
            await Expect(bob.GetByRole(AriaRole.Alert)).ToContainTextAsync("The subject is an adult");

            foreach (var wording in ConsentAttestations.Wordings.Values)
            {
                await bob.GetByLabel(wording, new() { Exact = true }).CheckAsync();
            }

            await bob.GetByRole(AriaRole.Button, new() { Name = "Submit consent" }).ClickAsync();
            await Expect(bob.GetByRole(AriaRole.Status).Filter(new() { HasText = "Submitted." })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        finally
        {
            File.Delete(pdf);
        }

        await Expect(bob.GetByTestId("consent-state")).ToHaveTextAsync("Pending");
        await Expect(bob.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);

        // Ann, the Admin, sees the count in the navigation, opens the queue and the record, and approves it.
        await ann.GotoAsync("/");
        await session.WaitForCircuitAsync(ann);
        var nav = ann.GetByRole(AriaRole.Navigation, new() { Name = "Sections", Exact = true });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Consent review (1 pending)" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Heading, new() { Name = "Consent review" })).ToBeVisibleAsync();
        await ann.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Img, new() { Name = "Detected face box and keypoints" })).ToBeVisibleAsync();
        var preview = ann.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^First page of release-") });
        await Expect(preview).ToBeVisibleAsync();
        Assert.True(await preview.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The PDF preview did not load.");
        await Expect(ann.GetByText("“The subject is an adult” (version " + ConsentAttestations.Version)).ToBeVisibleAsync();
        await ann.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Status).Filter(new() { HasText = "The record is now Approved." })).ToBeVisibleAsync();
        await Expect(ann.GetByTestId("consent-state")).ToHaveTextAsync("Approved");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Consent review" })).Not.ToContainTextAsync("pending");

        // The audit log page shows both steps, and the CSV export contains them with the actors and the client IP.
        await ann.GotoAsync("/admin/audit");
        await session.WaitForCircuitAsync(ann);
        var table = ann.GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "consent.record.submitted" })).ToContainTextAsync("bob@example.test");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "consent.record.approved" })).ToContainTextAsync("ann@example.test");
        await ann.GetByLabel("Action (prefix, e.g. consent.)").FillAsync("consent.");
        await ann.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(ann.GetByRole(AriaRole.Status)).ToContainTextAsync("Entries 1–2 of 2");
        var href = await ann.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).GetAttributeAsync("href");
        Assert.Equal("api/audit/export.csv?action=consent.", href);
        var csv = await ann.APIRequest.GetAsync("/" + href);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",consent.record.approved,") && l.Contains("ann@example.test"));
        Assert.Contains(lines, l => l.Contains(",consent.record.submitted,") && l.Contains("bob@example.test") && (l.Contains(",::1,") || l.Contains(",127.0.0.1,")));
    }
}
