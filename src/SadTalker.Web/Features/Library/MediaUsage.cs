namespace SadTalker.Web.Features.Library;

/// <summary>
/// Whether a library item is in use and must not be deleted. Generation jobs are the only users: the job queue
/// registers its check (queued or running jobs) at start-up, see <c>GenerationExtensions.UseGeneration</c>.
/// </summary>
public sealed class MediaUsage
{
    private readonly List<Func<MediaKind, Guid, CancellationToken, Task<string?>>> _checks = [];

    /// <summary>Adds a check returning why an item is in use (e.g. "job 12 is rendering it"), or null.</summary>
    public void Register(Func<MediaKind, Guid, CancellationToken, Task<string?>> check) => _checks.Add(check);

    public async Task<string?> InUseAsync(MediaKind kind, Guid id, CancellationToken ct)
    {
        foreach (var check in _checks)
        {
            if (await check(kind, id, ct) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }
}
