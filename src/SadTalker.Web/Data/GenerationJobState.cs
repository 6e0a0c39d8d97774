namespace SadTalker.Web.Data;

/// <summary>Life of a <see cref="GenerationJob"/>: Queued → Running → Succeeded | Failed | Cancelled; retry puts Failed/Cancelled back to Queued.</summary>
public enum GenerationJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
