namespace SadTalker.Inference.Trust;

/// <summary>The consent record of the portrayed person as it stood when the video was generated.</summary>
/// <param name="RecordId">Consent record id.</param>
/// <param name="State">Its state then (for example Approved).</param>
/// <param name="PermittedUses">The uses it permitted then.</param>
public sealed record ConsentSnapshot(string RecordId, string State, IReadOnlyList<string> PermittedUses);
