namespace SadTalker.Web.Data;

/// <summary>Pending → Approved or Rejected → (Approved only) Revoked; Expired is computed at read time from ValidUntilUtc and stored by the expiry service.</summary>
public enum ConsentState
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Revoked = 3,
    Expired = 4,
}
