using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Tests.Teams;

namespace SadTalker.Web.Tests.Consent;

/// <summary>Consent state machine, expiry by the test clock, the gate, authorization and the audit rows.</summary>
public sealed class ConsentTests : IAsyncLifetime
{
    private readonly TeamsApp _app = new();
    private string _admin = "", _owner = "", _editor = "", _viewer = "", _outsider = "";
    private Guid _team, _portrait;
    private HttpClient _editorClient = null!;

    public async Task InitializeAsync()
    {
        _admin = (await _app.RegisterAsync("admin@example.test")).UserId;
        _owner = (await _app.RegisterAsync("owner@example.test")).UserId;
        (_editorClient, _editor) = await _app.RegisterAsync("editor@example.test");
        _viewer = (await _app.RegisterAsync("viewer@example.test")).UserId;
        _outsider = (await _app.RegisterAsync("outsider@example.test")).UserId;
        _team = await _app.CreateTeamAsync(_owner, "Studio");
        await _app.AddMemberAsync(_team, _owner, _editor, TeamRole.Editor);
        await _app.AddMemberAsync(_team, _owner, _viewer, TeamRole.Viewer);
        _portrait = Guid.NewGuid();
        await using var db = await DbAsync();
        db.Portraits.Add(new Portrait
        {
            Id = _portrait, TeamId = _team, Name = "astronaut", CreatedByUserId = _editor, OriginalFileName = "astronaut.png",
            OriginalFormat = "png", OriginalSha256 = "a", ImageSha256 = "b", ThumbnailSha256 = "c", FaceVerdict = "Ok", FaceMessage = "",
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<AppDbContext> DbAsync() => _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private SubmitConsent.Request Valid(string user, DateTime? until = null) => new(
        user, _portrait, false, "Ada Lovelace", null, ConsentRelationship.Colleague, null, PermittedUse.Internal | PermittedUse.External,
        null, until, null, ConsentAttestations.Wordings.Keys.ToList(), "10.0.0.1");

    private Task<LibraryResult<Guid>> SubmitAsync(SubmitConsent.Request r) => _app.Get<SubmitConsent>().HandleAsync(r);

    private async Task<LibraryResult<ConsentState>> ReviewAsync(string user, Guid id, ConsentAction action, string? reason = null)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewConsent>().HandleAsync(new(user, id, action, reason, "10.0.0.2"));
    }

    [Fact]
    public async Task Submit_StoresAttestationWordingAndAudits()
    {
        var id = (await SubmitAsync(Valid(_editor))).Value;
        await using var db = await DbAsync();
        var attestations = await db.ConsentAttestations.Where(a => a.ConsentRecordId == id).ToListAsync();
        Assert.Equal(3, attestations.Count);
        Assert.Contains(attestations, a => a.Wording == "The subject is an adult" && a.WordingVersion == ConsentAttestations.Version && a.UserId == _editor && a.Ip == "10.0.0.1");
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.TargetId == id.ToString()).ToListAsync());
        Assert.Equal("consent.record.submitted", audit.Action);
        Assert.Equal(_team, audit.TeamId);
    }

    [Fact]
    public async Task Submit_RefusesViewersAndOutsiders()
    {
        Assert.Equal(LibraryStatus.Forbidden, (await SubmitAsync(Valid(_viewer))).Status);
        Assert.Equal(LibraryStatus.NotFound, (await SubmitAsync(Valid(_outsider))).Status);
        await using var db = await DbAsync();
        Assert.Equal(0, await db.ConsentRecords.CountAsync());
    }

    [Fact]
    public async Task Submit_BadInput_GivesSpecificCodesAndSavesNothing()
    {
        var from = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var cases = new (SubmitConsent.Request Request, string Code)[]
        {
            (Valid(_editor) with { SubjectName = " " }, "subject_name_required"),
            (Valid(_editor) with { Uses = PermittedUse.None }, "uses_required"),
            (Valid(_editor) with { Relationship = ConsentRelationship.Other }, "relationship_other_required"),
            (Valid(_editor) with { ValidFromUtc = from, ValidUntilUtc = from.AddDays(-1) }, "valid_until_before_from"),
            (Valid(_editor) with { Attested = ["adult"] }, "attestation_required"),
            (Valid(_editor, until: _app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)), "valid_until_past"),
        };
        foreach (var (request, code) in cases)
        {
            var result = await SubmitAsync(request);
            Assert.Equal(LibraryStatus.Invalid, result.Status);
            Assert.Equal(code, result.Code);
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
        }

        await using var db = await DbAsync();
        Assert.Equal(0, await db.ConsentRecords.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action.StartsWith("consent.")));
    }

    [Fact]
    public async Task StateMachine_AllowsOnlyTheDocumentedTransitions()
    {
        var id = (await SubmitAsync(Valid(_editor))).Value;
        Assert.Equal(LibraryStatus.Forbidden, (await ReviewAsync(_owner, id, ConsentAction.Approve)).Status);
        Assert.Equal(LibraryStatus.Forbidden, (await ReviewAsync(_editor, id, ConsentAction.Approve)).Status);
        Assert.Equal(LibraryStatus.NotFound, (await ReviewAsync(_outsider, id, ConsentAction.Revoke, "x")).Status);
        Assert.Equal("not_approved", (await ReviewAsync(_admin, id, ConsentAction.Revoke, "x")).Code);
        Assert.Equal("reason_required", (await ReviewAsync(_admin, id, ConsentAction.Reject)).Code);
        Assert.Equal(ConsentState.Approved, (await ReviewAsync(_admin, id, ConsentAction.Approve)).Value);
        Assert.Equal("not_pending", (await ReviewAsync(_admin, id, ConsentAction.Approve)).Code);
        Assert.Equal("not_pending", (await ReviewAsync(_admin, id, ConsentAction.Reject, "late")).Code);
        Assert.Equal(LibraryStatus.Forbidden, (await ReviewAsync(_editor, id, ConsentAction.Revoke, "x")).Status);
        Assert.Equal("reason_required", (await ReviewAsync(_owner, id, ConsentAction.Revoke)).Code);
        Assert.Equal(ConsentState.Revoked, (await ReviewAsync(_owner, id, ConsentAction.Revoke, "subject withdrew")).Value);
        Assert.Equal("not_approved", (await ReviewAsync(_admin, id, ConsentAction.Revoke, "again")).Code);
        Assert.Equal("not_pending", (await ReviewAsync(_admin, id, ConsentAction.Approve)).Code);

        var rejected = (await SubmitAsync(Valid(_editor))).Value;
        Assert.Equal(ConsentState.Rejected, (await ReviewAsync(_admin, rejected, ConsentAction.Reject, "no signature")).Value);
        var again = await ReviewAsync(_admin, rejected, ConsentAction.Approve);
        Assert.Equal(LibraryStatus.Conflict, again.Status);
        Assert.Contains("Rejected", again.Message);
        Assert.Equal("not_approved", (await ReviewAsync(_owner, rejected, ConsentAction.Revoke, "x")).Code);

        await using var db = await DbAsync();
        var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("consent.")).Select(a => a.Action).ToListAsync();
        Assert.Equal(
            ["consent.record.approved", "consent.record.rejected", "consent.record.revoked", "consent.record.submitted", "consent.record.submitted"],
            actions.Order().ToList());
    }

    [Fact]
    public async Task Gate_AllowsApprovedCoveringUse_AndRefusesAfterExpiryAndRevocation()
    {
        var gate = _app.Get<ConsentGate>();
        Assert.False((await gate.CheckAsync(_portrait, PermittedUse.Internal, default)).Allowed);
        var until = _app.Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var id = (await SubmitAsync(Valid(_editor, until))).Value;
        Assert.False((await gate.CheckAsync(_portrait, PermittedUse.Internal, default)).Allowed);
        await ReviewAsync(_admin, id, ConsentAction.Approve);

        var allowed = await gate.CheckAsync(_portrait, PermittedUse.Internal, default);
        Assert.True(allowed.Allowed);
        Assert.Equal(id, allowed.RecordId);
        Assert.Equal(ConsentState.Approved, allowed.State);
        var commercial = await gate.CheckAsync(_portrait, PermittedUse.Commercial, default);
        Assert.False(commercial.Allowed);
        Assert.Contains("Commercial", commercial.Message);

        _app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.False((await gate.CheckAsync(_portrait, PermittedUse.Internal, default)).Allowed);
        Assert.Equal("not_approved", (await ReviewAsync(_owner, id, ConsentAction.Revoke, "x")).Code);
    }

    [Fact]
    public async Task Revocation_BlocksAtOnceAndIsReportedForVideos()
    {
        var gate = _app.Get<ConsentGate>();
        var id = (await SubmitAsync(Valid(_editor))).Value;
        var other = (await SubmitAsync(Valid(_editor))).Value;
        await ReviewAsync(_admin, id, ConsentAction.Approve);
        await ReviewAsync(_admin, other, ConsentAction.Approve);
        Assert.False(await gate.IsRevokedForAsync(id, default));
        await ReviewAsync(_admin, id, ConsentAction.Revoke, "withdrawn");
        await ReviewAsync(_owner, other, ConsentAction.Revoke, "withdrawn");
        Assert.True(await gate.IsRevokedForAsync(id, default));
        Assert.Equal(new HashSet<Guid> { id, other }, await gate.RevokedAmongAsync([id, other, Guid.NewGuid()], default));
        Assert.False((await gate.CheckAsync(_portrait, PermittedUse.Internal, default)).Allowed);
    }

    [Fact]
    public async Task AuditEntries_CannotBeModifiedOrDeleted()
    {
        await SubmitAsync(Valid(_editor));
        await using var db = await DbAsync();
        var entry = await db.AuditEntries.FirstAsync();
        entry.Action = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task TeamList_ShowsMembersTheirRecordsAndOutsidersNothing()
    {
        var id = (await SubmitAsync(Valid(_editor))).Value;
        var queries = _app.Get<ConsentQueries>();
        foreach (var member in new[] { _owner, _editor, _viewer })
        {
            var list = await queries.ListForTeamAsync(member, _team);
            Assert.Equal(id, Assert.Single(list.Value!).Id);
            Assert.Equal(ConsentState.Pending, list.Value![0].State);
        }

        Assert.Equal(LibraryStatus.NotFound, (await queries.ListForTeamAsync(_outsider, _team)).Status);
        Assert.Equal(1, await queries.CountPendingAsync());
    }

    [Fact]
    public async Task SelfApproval_OnlyForTheSoleAdmin_AndFlagged()
    {
        await _app.AddMemberAsync(_team, _owner, _admin, TeamRole.Editor);
        var own = (await SubmitAsync(Valid(_admin))).Value;
        Assert.Equal(ConsentState.Approved, (await ReviewAsync(_admin, own, ConsentAction.Approve)).Value);
        await using (var db = await DbAsync())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == "consent.record.approved");
            Assert.Contains("\"selfApproved\":true", entry.DetailJson);
        }

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(_owner))!, Roles.Admin);
        }

        var second = (await SubmitAsync(Valid(_admin))).Value;
        Assert.Equal(LibraryStatus.Forbidden, (await ReviewAsync(_admin, second, ConsentAction.Approve)).Status);
        Assert.Equal(ConsentState.Approved, (await ReviewAsync(_owner, second, ConsentAction.Approve)).Value);
    }

    [Fact]
    public async Task ConsentPage_ListsTheActiveTeamsRecords()
    {
        await SubmitAsync(Valid(_editor));
        await _app.Get<ActiveTeam>().SetAsync(_editor, _team);
        var page = await _editorClient.GetStringAsync("/consent");
        Assert.Contains("Ada Lovelace", page);
        Assert.Contains("Pending", page);
        Assert.DoesNotContain("not available in this version", page);
    }
}
