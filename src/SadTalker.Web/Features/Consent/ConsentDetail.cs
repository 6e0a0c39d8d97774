using SadTalker.Web.Data;
using SadTalker.Web.Features.Audit;
using SadTalker.Web.Features.Teams;

namespace SadTalker.Web.Features.Consent;

/// <summary>Everything the review page shows about one record, plus what the viewer may do with it.</summary>
public sealed record ConsentDetail(
    ConsentRecord Record,
    ConsentState State,
    Portrait Portrait,
    string TeamName,
    IReadOnlyDictionary<string, string> Emails,
    IReadOnlyList<ConsentEvidence> Evidence,
    IReadOnlyList<AuditRow> History,
    bool ViewerIsAdmin,
    TeamRole? ViewerRole)
{
    public string Email(string? userId) => userId is null ? "" : Emails.GetValueOrDefault(userId, "(deleted account)");

    public bool CanDecide => ViewerIsAdmin && State == ConsentState.Pending;

    public bool CanRevoke => (ViewerIsAdmin || ViewerRole == TeamRole.Owner) && State == ConsentState.Approved;
}
