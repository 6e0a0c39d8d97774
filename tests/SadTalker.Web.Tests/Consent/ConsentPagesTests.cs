using System.Net;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;

namespace SadTalker.Web.Tests.Consent;

/// <summary>The consent pages as each role gets them (rendered HTML), and the review queue's authorization and filters.</summary>
public sealed class ConsentPagesTests : IAsyncLifetime
{
    private readonly ConsentWorld _w = new();

    public Task InitializeAsync() => _w.InitializeAsync();

    public Task DisposeAsync() => _w.DisposeAsync();

    [Fact]
    public async Task SubmitPage_ShowsEveryFieldAndTheExactWording_ToEditors_AndRefusesViewers()
    {
        var url = $"/consent/new?portrait={_w.Portrait}";
        var editor = WebUtility.HtmlDecode(await _w.Client("editor").GetStringAsync(url));
        foreach (var text in ConsentAttestations.Wordings.Values.Concat(["Subject's full name", "Subject contact (optional)", "Licensed talent",
                     "External / public", "Commercial", "Valid from", "Valid until", "Evidence files", "Notes (optional)", "Not a real person"]))
        {
            Assert.Contains(text, editor);
        }

        var viewer = await _w.Client("viewer").GetStringAsync(url);
        Assert.Contains("Viewers can read consent records but not submit them", viewer);
        Assert.DoesNotContain("Evidence files", viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.Client("outsider").GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.Client("editor").GetAsync($"/consent/new?portrait={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task DetailPage_ShowsReviewActionsOnlyToThoseWhoMayUseThem()
    {
        var id = (await _w.SubmitAsync(_w.Valid("editor", (TestPdf.Minimal(), "release.pdf")))).Value;
        var admin = await _w.Client("admin").GetStringAsync($"/admin/consent/{id}");
        Assert.Contains("Approve", admin);
        Assert.Contains("First page of release.pdf", admin);
        Assert.Contains("consent.record.submitted", admin);
        Assert.Contains(ConsentAttestations.Wordings["ai-disclosure"], WebUtility.HtmlDecode(admin));
        var viewer = await _w.Client("viewer").GetStringAsync($"/consent/{id}");
        Assert.Contains("Ada Lovelace", viewer);
        Assert.DoesNotContain(">Approve<", viewer);

        await _w.ReviewAsync("admin", id, ConsentAction.Approve);
        Assert.Contains("Revoke", await _w.Client("owner").GetStringAsync($"/consent/{id}"));
        Assert.DoesNotContain("Revoke", await _w.Client("editor").GetStringAsync($"/consent/{id}"));
    }

    [Fact]
    public async Task ReviewQueue_AdminsOnly_FiltersByStateTeamAndAge_OldestFirst()
    {
        var first = (await _w.SubmitAsync(_w.Valid("editor"))).Value;
        _w.App.Clock.Advance(TimeSpan.FromDays(8));
        var second = (await _w.SubmitAsync(_w.Valid("owner"))).Value;
        var rejected = (await _w.SubmitAsync(_w.Valid("editor"))).Value;
        await _w.ReviewAsync("admin", rejected, ConsentAction.Reject, "unsigned");
        var queue = _w.App.Get<ReviewQueue>();

        Assert.Equal(LibraryStatus.Forbidden, (await queue.ListAsync(_w.Id("owner"), new(ConsentState.Pending, null, null))).Status);
        var pending = (await queue.ListAsync(_w.Id("admin"), new(ConsentState.Pending, null, null))).Value!;
        Assert.Equal([first, second], pending.Select(i => i.Id));
        Assert.Equal("editor@example.test", pending[0].SubmitterEmail);
        Assert.Equal([first], (await queue.ListAsync(_w.Id("admin"), new(ConsentState.Pending, null, 7))).Value!.Select(i => i.Id));
        Assert.Equal([rejected], (await queue.ListAsync(_w.Id("admin"), new(ConsentState.Rejected, _w.Team, null))).Value!.Select(i => i.Id));
        Assert.Empty((await queue.ListAsync(_w.Id("admin"), new(null, Guid.NewGuid(), null))).Value!);
        Assert.Equal(3, (await queue.ListAsync(_w.Id("admin"), new(null, null, null))).Value!.Count);

        var page = await _w.Client("admin").GetStringAsync("/admin/consent");
        Assert.Contains("Consent review (2 pending)", page);
        Assert.Equal(HttpStatusCode.Redirect, (await _w.Client("owner").GetAsync("/admin/consent")).StatusCode);
    }

    [Fact]
    public async Task PortraitPage_ListsItsRecords_AndOffersSubmitToEditorsOnly()
    {
        await _w.SubmitAsync(_w.Valid("editor"));
        var editor = await _w.Client("editor").GetStringAsync($"/library/portraits/{_w.Portrait}");
        Assert.Contains("Ada Lovelace", editor);
        Assert.Contains($"consent/new?portrait={_w.Portrait}", editor);
        Assert.DoesNotContain("consent/new", await _w.Client("viewer").GetStringAsync($"/library/portraits/{_w.Portrait}"));
    }
}
