namespace SadTalker.Web.Features.Generation;

/// <summary>
/// Messages about jobs, sent in-process to pages and by the hub <c>/hubs/jobs</c> to a team's group. The hub method
/// names are <see cref="JobMessageNames"/>; payloads serialise with camel-case names.
/// </summary>
public abstract record JobMessage(Guid JobId, Guid TeamId)
{
    /// <summary>The hub method name clients listen on.</summary>
    public abstract string Name { get; }
}
