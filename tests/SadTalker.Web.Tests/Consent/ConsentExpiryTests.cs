using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Tests.Consent;

/// <summary>Expiry by the controllable clock: records past valid-until are stored as Expired with an audit row, once.</summary>
public sealed class ConsentExpiryTests : IAsyncLifetime
{
    private readonly ConsentWorld _w = new();

    public Task InitializeAsync() => _w.InitializeAsync();

    public Task DisposeAsync() => _w.DisposeAsync();

    [Fact]
    public async Task ApprovedAndPendingRecords_ExpireAfterValidUntil_WithAnAuditRow()
    {
        var until = _w.App.Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var approved = (await _w.SubmitAsync(_w.Valid("editor") with { ValidUntilUtc = until })).Value;
        var pending = (await _w.SubmitAsync(_w.Valid("editor") with { ValidUntilUtc = until })).Value;
        var openEnded = (await _w.SubmitAsync(_w.Valid("editor"))).Value;
        await _w.ReviewAsync("admin", approved, ConsentAction.Approve);
        await _w.ReviewAsync("admin", openEnded, ConsentAction.Approve);
        var expire = _w.App.Get<ExpireConsent>();

        Assert.Equal(0, await expire.RunAsync());
        _w.App.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await expire.RunAsync());
        Assert.Equal(0, await expire.RunAsync());

        await using var db = await _w.DbAsync();
        var states = await db.ConsentRecords.ToDictionaryAsync(r => r.Id, r => r.State);
        Assert.Equal(ConsentState.Expired, states[approved]);
        Assert.Equal(ConsentState.Expired, states[pending]);
        Assert.Equal(ConsentState.Approved, states[openEnded]);
        var rows = await db.AuditEntries.Where(a => a.Action == "consent.record.expired").ToListAsync();
        Assert.Equal(new HashSet<string?> { approved.ToString(), pending.ToString() }, rows.Select(r => r.TargetId).ToHashSet());
        Assert.All(rows, r => Assert.Null(r.ActorUserId));
        Assert.Contains("\"previous\":\"Approved\"", rows.Single(r => r.TargetId == approved.ToString()).DetailJson);

        // Expired records can be neither approved nor revoked, and the gate still allows the open-ended one.
        Assert.Equal("not_pending", (await _w.ReviewAsync("admin", pending, ConsentAction.Approve)).Code);
        Assert.Equal("not_approved", (await _w.ReviewAsync("owner", approved, ConsentAction.Revoke, "x")).Code);
        var decision = await _w.App.Get<ConsentGate>().CheckAsync(_w.Portrait, PermittedUse.Internal, default);
        Assert.Equal(openEnded, decision.RecordId);
    }

    [Fact]
    public void ExpiryService_IsAHostedService()
    {
        Assert.Contains(_w.App.Services.GetServices<IHostedService>(), s => s is ConsentExpiryService);
    }
}
