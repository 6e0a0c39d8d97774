using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Teams;

/// <summary>
/// The team a user works in: chosen in the header, remembered on the account (so it survives sign-out and other
/// devices), and checked against the memberships on every read. Also tells a user's open pages when their teams
/// change, so the header and team-scoped pages re-render without a reload.
/// </summary>
public sealed class ActiveTeam(IDbContextFactory<AppDbContext> dbFactory, CreatePersonalTeam createPersonalTeam, ILogger<ActiveTeam> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Subscription>> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>
    /// The remembered team while the user is still a member of it; otherwise their personal team (created when
    /// missing), which then becomes the remembered one.
    /// </summary>
    public async Task<TeamSummary> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.ActiveTeamId })
            .FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No account with id {userId}.");

        var memberships = db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId);
        if (user.ActiveTeamId is { } remembered)
        {
            var active = await memberships
                .Where(m => m.TeamId == remembered)
                .Select(m => new TeamSummary(m.TeamId, m.Team.Name, m.Team.IsPersonal, m.Role))
                .FirstOrDefaultAsync(ct);
            if (active is not null)
            {
                return active;
            }
        }

        var personal = await memberships
            .Where(m => m.Team.IsPersonal && m.Team.CreatedByUserId == userId)
            .Select(m => new TeamSummary(m.TeamId, m.Team.Name, m.Team.IsPersonal, m.Role))
            .FirstOrDefaultAsync(ct)
            ?? await createPersonalTeam.HandleAsync(new(userId), ct);

        // Remembered so that being re-invited to the old team later does not silently switch the user back to it.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveTeamId, personal.Id), ct);
        return personal;
    }

    /// <summary>Remembers <paramref name="teamId"/> as the user's active team.</summary>
    /// <exception cref="InvalidOperationException">The user is not a member of that team (any more).</exception>
    public async Task SetAsync(string userId, Guid teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One statement: the membership check and the write cannot be split by a concurrent removal.
        var updated = await db.Users
            .Where(u => u.Id == userId && db.TeamMembers.Any(m => m.UserId == userId && m.TeamId == teamId))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveTeamId, teamId), ct);
        if (updated == 0)
        {
            throw new InvalidOperationException("You are not a member of that team.");
        }

        await NotifyAsync([userId], ct);
    }

    /// <summary>
    /// Calls <paramref name="onChanged"/> with the user's active team id whenever their active team or their teams
    /// change (joined, left, removed, renamed, role changed). Components subscribe after their first render, marshal
    /// with <c>InvokeAsync</c> and dispose the subscription in <c>Dispose</c>.
    /// </summary>
    public IDisposable Subscribe(string userId, Func<Guid, Task> onChanged)
    {
        var subscription = new Subscription(this, userId, onChanged);
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(userId, out var list))
            {
                _subscriptions[userId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Tells the open pages of these users that their teams changed. Team actions call it after saving.</summary>
    public async Task NotifyAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            Subscription[] subscribers;
            lock (_lock)
            {
                subscribers = _subscriptions.TryGetValue(userId, out var list) ? [.. list] : [];
            }

            if (subscribers.Length == 0)
            {
                continue;
            }

            // A broken page (or an account deleted meanwhile) must not fail the action that caused the change.
            Guid activeId;
            try
            {
                activeId = (await GetAsync(userId, ct)).Id;
            }
            catch (InvalidOperationException ex)
            {
                logger.LogWarning(ex, "Could not notify user {UserId} of a team change.", userId);
                continue;
            }

            foreach (var subscriber in subscribers)
            {
                try
                {
                    await subscriber.OnChanged(activeId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "A page of user {UserId} failed to handle a team change.", userId);
                }
            }
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            if (_subscriptions.TryGetValue(subscription.UserId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscriptions.Remove(subscription.UserId);
            }
        }
    }

    private sealed class Subscription(ActiveTeam owner, string userId, Func<Guid, Task> onChanged) : IDisposable
    {
        public string UserId => userId;

        public Func<Guid, Task> OnChanged => onChanged;

        public void Dispose() => owner.Unsubscribe(this);
    }
}
