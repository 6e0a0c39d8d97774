using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Consent;

public enum ConsentAction
{
    Approve,
    Reject,
    Revoke,
}

/// <summary>
/// Moves a record through its states: Admins approve or reject Pending records (reason required to reject);
/// Admins or the team's Owners revoke Approved ones (reason required). Every other transition is refused.
/// </summary>
public sealed class ReviewConsent(IDbContextFactory<AppDbContext> dbFactory, TeamAccess teams, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public sealed record Request(string UserId, Guid RecordId, ConsentAction Action, string? Reason, string? Ip);

    public async Task<LibraryResult<ConsentState>> HandleAsync(Request request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.ConsentRecords.FirstOrDefaultAsync(r => r.Id == request.RecordId, ct);
        var user = await users.FindByIdAsync(request.UserId);
        if (record is null || user is null)
        {
            return LibraryResult<ConsentState>.NotFound();
        }

        var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        var role = await teams.GetRoleAsync(request.UserId, record.TeamId, ct);
        if (!isAdmin && role is null)
        {
            return LibraryResult<ConsentState>.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var state = record.EffectiveState(now);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > 1000)
        {
            return LibraryResult<ConsentState>.Invalid("reason_too_long", "The reason is limited to 1,000 characters.");
        }

        var selfApproved = false;
        switch (request.Action)
        {
            case ConsentAction.Approve or ConsentAction.Reject:
                if (!isAdmin)
                {
                    return LibraryResult<ConsentState>.Forbidden("Only a site Admin can approve or reject consent records.");
                }

                if (state != ConsentState.Pending)
                {
                    return LibraryResult<ConsentState>.Conflict("not_pending", $"This record is {state}; only pending records can be approved or rejected.");
                }

                if (request.Action == ConsentAction.Reject && reason is null)
                {
                    return LibraryResult<ConsentState>.Invalid("reason_required", "Give a reason for rejecting.");
                }

                if (request.Action == ConsentAction.Approve && record.SubmittedByUserId == request.UserId)
                {
                    // Four eyes unless there is nobody else to look: then it is allowed and flagged in the audit log.
                    if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 1)
                    {
                        return LibraryResult<ConsentState>.Forbidden("You submitted this record; another Admin must approve it.");
                    }

                    selfApproved = true;
                }

                record.State = request.Action == ConsentAction.Approve ? ConsentState.Approved : ConsentState.Rejected;
                record.DecidedByUserId = request.UserId;
                record.DecidedUtc = now;
                record.DecisionReason = reason;
                break;
            default:
                if (!isAdmin && role != TeamRole.Owner)
                {
                    return LibraryResult<ConsentState>.Forbidden("Only a site Admin or a team Owner can revoke consent.");
                }

                if (state != ConsentState.Approved)
                {
                    return LibraryResult<ConsentState>.Conflict("not_approved", $"This record is {state}; only approved records can be revoked.");
                }

                if (reason is null)
                {
                    return LibraryResult<ConsentState>.Invalid("reason_required", "Give a reason for revoking.");
                }

                record.State = ConsentState.Revoked;
                record.RevokedByUserId = request.UserId;
                record.RevokedUtc = now;
                record.RevocationReason = reason;
                break;
        }

        var action = record.State switch
        {
            ConsentState.Approved => "consent.record.approved",
            ConsentState.Rejected => "consent.record.rejected",
            _ => "consent.record.revoked",
        };
        AuditLog.Add(db, now, request.UserId, record.TeamId, action, record.Id.ToString(), request.Ip,
            new { reason, selfApproved, previous = state.ToString() });
        await db.SaveChangesAsync(ct);
        return LibraryResult<ConsentState>.Ok(record.State);
    }
}
