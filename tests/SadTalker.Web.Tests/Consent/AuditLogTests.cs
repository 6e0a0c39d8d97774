using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Accounts;
using SadTalker.Web.Features.Admin;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Consent;

/// <summary>The audit log: who sees which rows (pages' query and CSV alike), CSV format, and the events beyond consent.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly ConsentWorld _w = new();

    public Task InitializeAsync() => _w.InitializeAsync();

    public Task DisposeAsync() => _w.DisposeAsync();

    private async Task<Guid> SubmitAndApproveAsync(string reason)
    {
        var id = (await _w.SubmitAsync(_w.Valid("editor"))).Value;
        Assert.Equal(ConsentState.Approved, (await _w.ReviewAsync("admin", id, ConsentAction.Approve, reason)).Value);
        return id;
    }

    [Fact]
    public async Task CsvExport_QuotesFields_AndHonoursFilters()
    {
        var id = await SubmitAndApproveAsync("checked, signed \"in person\"\nby HR");
        var response = await _w.Client("admin").GetAsync("/api/audit/export.csv?action=consent.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        Assert.Equal(AuditCsv.Header, lines[0]);
        Assert.Contains(",consent.record.submitted," + id + ",10.0.0.1,", csv);
        Assert.Contains(",consent.record.approved," + id + ",10.0.0.2,", csv);
        Assert.Contains("editor@example.test", csv);
        // JSON detail with a comma, quotes and a newline: one quoted field with doubled quotes.
        Assert.Contains("\"{\"\"reason\"\":\"\"checked, signed \\u0022in person\\u0022\\nby HR\"\"", csv);
        Assert.DoesNotContain("team.member", csv);

        var approvedOnly = await _w.Client("admin").GetStringAsync("/api/audit/export.csv?action=consent.record.approved&actor=ADMIN@");
        Assert.Equal(3, approvedOnly.Split("\r\n").Length); // header, one row, final empty
        var future = await _w.Client("admin").GetStringAsync("/api/audit/export.csv?from=2027-01-01");
        Assert.Equal(AuditCsv.Header + "\r\n", future);
        Assert.Equal(HttpStatusCode.BadRequest, (await _w.Client("admin").GetAsync("/api/audit/export.csv?from=yesterday")).StatusCode);
    }

    [Fact]
    public async Task TeamSlice_ForOwnersOnly_OtherTeamsSeeNothing()
    {
        await SubmitAndApproveAsync("ok");
        var other = await _w.App.CreateTeamAsync(_w.Id("outsider"), "Elsewhere");

        var owner = await _w.Client("owner").GetStringAsync($"/api/audit/export.csv?team={_w.Team}");
        Assert.Contains("consent.record.approved", owner);
        Assert.Contains("team.invite.accepted", owner);
        Assert.DoesNotContain(other.ToString(), owner);
        Assert.DoesNotContain("account.", owner);

        Assert.Equal(HttpStatusCode.Forbidden, (await _w.Client("owner").GetAsync("/api/audit/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _w.Client("editor").GetAsync($"/api/audit/export.csv?team={_w.Team}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.Client("outsider").GetAsync($"/api/audit/export.csv?team={_w.Team}")).StatusCode);
        var outsiderOwn = await _w.Client("outsider").GetStringAsync($"/api/audit/export.csv?team={other}");
        Assert.DoesNotContain("consent.", outsiderOwn);

        var queries = _w.App.Get<AuditQueries>();
        Assert.Equal(LibraryStatus.Forbidden, (await queries.SearchAsync(_w.Id("viewer"), new AuditFilter(null, null, null, _w.Team, null), 0, 50)).Status);
        var page = (await queries.SearchAsync(_w.Id("owner"), new AuditFilter(null, null, null, _w.Team, null), 0, 2)).Value!;
        Assert.Equal(2, page.Rows.Count);
        Assert.True(page.Total > 2);
        Assert.True(page.Rows[0].TimeUtc >= page.Rows[1].TimeUtc);
    }

    [Fact]
    public async Task FailedAndLockedLogins_AreAudited()
    {
        using var client = IdentityForms.CreateClient(_w.App);
        for (var i = 0; i < 5; i++)
        {
            await IdentityForms.LoginAsync(client, "viewer@example.test", "Wrong-password-1");
        }

        await IdentityForms.LoginAsync(client, "nobody@example.test", "Wrong-password-1");
        await using var db = await _w.DbAsync();
        var rows = await db.AuditEntries.Where(a => a.Action.StartsWith("account.login.")).ToListAsync();
        Assert.Equal(4, rows.Count(r => r.Action == "account.login.failed" && r.ActorUserId == _w.Id("viewer")));
        Assert.Single(rows, r => r.Action == "account.login.locked" && r.TargetId == _w.Id("viewer"));
        Assert.Single(rows, r => r.Action == "account.login.failed" && r.ActorUserId == null && r.DetailJson.Contains("nobody@example.test"));
        // TestServer has no remote address; the browser test checks the IP over a real socket.
    }

    [Fact]
    public async Task AdminSettingsAndMembershipChanges_AreAuditedWithTheirActor()
    {
        using (var scope = _w.App.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            Assert.Null(await admin.LockAsync(_w.Id("admin"), _w.Id("outsider"), "10.1.1.1"));
            Assert.Null(await admin.UnlockAsync(_w.Id("outsider"), _w.Id("admin")));
            Assert.NotNull(await admin.RevokeAdminAsync(_w.Id("admin"), _w.Id("admin")));
        }

        await _w.App.Get<SiteSettings>().SetAsync(SiteSettings.RegistrationMode, RegistrationOptions.InviteOnly, _w.Id("admin"), "10.1.1.2");
        Assert.True((await _w.App.Get<ChangeMemberRole>().HandleAsync(new(_w.Id("owner"), _w.Team, _w.Id("viewer"), TeamRole.Editor, "10.1.1.3"))).Succeeded);
        Assert.False((await _w.App.Get<ChangeMemberRole>().HandleAsync(new(_w.Id("owner"), _w.Team, _w.Id("owner"), TeamRole.Viewer))).Succeeded);
        Assert.True((await _w.App.Get<RemoveMember>().HandleAsync(new(_w.Id("owner"), _w.Team, _w.Id("viewer")))).Succeeded);

        await using var db = await _w.DbAsync();
        var rows = await db.AuditEntries.ToListAsync();
        Assert.Single(rows, r => r.Action == "admin.user.locked" && r.ActorUserId == _w.Id("admin") && r.TargetId == _w.Id("outsider") && r.Ip == "10.1.1.1");
        Assert.Single(rows, r => r.Action == "admin.user.unlocked");
        Assert.DoesNotContain(rows, r => r.Action == "admin.user.admin_revoked"); // refused: last Admin
        Assert.Single(rows, r => r.Action == "settings.changed" && r.DetailJson.Contains("invite-only") && r.Ip == "10.1.1.2");
        var role = Assert.Single(rows, r => r.Action == "team.member.role_changed");
        Assert.Equal((_w.Team, _w.Id("viewer"), "10.1.1.3"), (role.TeamId!.Value, role.TargetId, role.Ip));
        Assert.Contains("\"to\":\"Editor\"", role.DetailJson);
        Assert.Single(rows, r => r.Action == "team.member.removed" && r.TargetId == _w.Id("viewer"));
        Assert.Equal(2, rows.Count(r => r.Action == "team.invite.created" && r.TeamId == _w.Team));
        Assert.Equal(2, rows.Count(r => r.Action == "team.invite.accepted" && r.TeamId == _w.Team));
    }

    [Fact]
    public async Task AuditPages_RenderForAdminsAndOwners()
    {
        await SubmitAndApproveAsync("ok");
        var admin = await _w.Client("admin").GetStringAsync("/admin/audit");
        Assert.Contains("consent.record.approved", admin);
        Assert.Contains("Export CSV", admin);
        await _w.App.Get<ActiveTeam>().SetAsync(_w.Id("owner"), _w.Team);
        Assert.Contains("consent.record.submitted", await _w.Client("owner").GetStringAsync("/audit"));
        await _w.App.Get<ActiveTeam>().SetAsync(_w.Id("editor"), _w.Team);
        var editor = await _w.Client("editor").GetStringAsync("/audit");
        Assert.Contains("Only the Owners of Studio", editor);
        Assert.DoesNotContain("consent.record.submitted", editor);
        var refused = await _w.Client("owner").GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Account/AccessDenied", refused.Headers.Location!.OriginalString);
    }
}
