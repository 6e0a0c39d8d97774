namespace SadTalker.Web.Features.Trust;

/// <summary>What /verify tells a user about an uploaded video; the job part is cut down to what the user may see.</summary>
/// <param name="Verdict">One of the <see cref="VerifyVerdicts"/> codes.</param>
/// <param name="Message">The verdict in words.</param>
/// <param name="WatermarkFound">The invisible mark's payload was read.</param>
/// <param name="WatermarkPayload">The payload read (16 hex digits).</param>
/// <param name="WatermarkSummary">The detector's one line (pilot score, confidence).</param>
/// <param name="ProvenanceStatus">NoManifest, Malformed, Valid or Invalid.</param>
/// <param name="KeyTrusted">The record is signed by this installation's key (null: no record).</param>
/// <param name="Problems">Each failed provenance check, in words.</param>
/// <param name="Made">The matching job, when one was found.</param>
public sealed record VerifyReport(
    string Verdict, string Message, bool WatermarkFound, string? WatermarkPayload, string WatermarkSummary,
    string ProvenanceStatus, bool? KeyTrusted, IReadOnlyList<string> Problems, MadeHere? Made);

/// <summary>
/// The job a verified video came from. Everyone sees when it was made and its consent; owning team members and Admins
/// also see the job, portrait and consent record (<see cref="Detail"/>).
/// </summary>
/// <param name="CreatedUtc">When the job was submitted.</param>
/// <param name="ConsentAtGeneration">The consent state when the video was made.</param>
/// <param name="ConsentNow">The consent record's state now (Revoked once revoked); null when the job had none.</param>
/// <param name="Detail">Only for members of the owning team and Admins.</param>
public sealed record MadeHere(DateTime CreatedUtc, string ConsentAtGeneration, string? ConsentNow, MadeHereDetail? Detail);

public sealed record MadeHereDetail(Guid JobId, Guid TeamId, Guid PortraitId, string PortraitName, string AudioName, Guid? ConsentRecordId);
