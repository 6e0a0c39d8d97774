using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;

namespace SadTalker.Web.Features.Admin;

/// <summary>
/// Admin actions on accounts: list, lock/unlock, grant/revoke Admin. Guards keep at least one usable Admin. Each
/// change's audit row is added to the scope's <see cref="AppDbContext"/> (the one Identity's store saves through), so
/// it is written by the same SaveChanges as the change itself.
/// </summary>
public sealed class UserAdministration(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, AppDbContext db, TimeProvider clock)
{
    public sealed record UserRow(string Id, string Email, bool IsAdmin, bool IsLocked, DateTimeOffset? LockoutEnd, bool TwoFactorEnabled, DateTime CreatedUtc);

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Id).ToHashSet();
        var now = clock.GetUtcNow();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return all.Select(u => new UserRow(u.Id, u.Email ?? u.UserName ?? u.Id, admins.Contains(u.Id),
                u.LockoutEnd is { } end && end > now, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedUtc))
            .ToList();
    }

    /// <summary>Locks the account indefinitely (until an Admin unlocks it). Null on success, else why not.</summary>
    public async Task<string?> LockAsync(string actingUserId, string userId, string? ip = null)
    {
        if (actingUserId == userId)
        {
            return "You cannot lock your own account.";
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await CountUnlockedAdminsAsync() <= 1)
        {
            return "You cannot lock the last active Admin.";
        }

        await users.SetLockoutEnabledAsync(user, true);
        var result = await AuditedAsync(actingUserId, user, "admin.user.locked", ip, () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        if (result.Succeeded)
        {
            // Signs the user out everywhere at the next security-stamp validation.
            await users.UpdateSecurityStampAsync(user);
        }

        return Describe(result);
    }

    public async Task<string?> UnlockAsync(string userId, string? actingUserId = null, string? ip = null)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        var result = await AuditedAsync(actingUserId, user, "admin.user.unlocked", ip, () => users.SetLockoutEndDateAsync(user, null));
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return Describe(result);
    }

    public async Task<string?> GrantAdminAsync(string userId, string? actingUserId = null, string? ip = null)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        if (!await roles.RoleExistsAsync(Roles.Admin))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Admin));
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return null;
        }

        var result = await AuditedAsync(actingUserId, user, "admin.user.admin_granted", ip, () => users.AddToRoleAsync(user, Roles.Admin));
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return Describe(result);
    }

    public async Task<string?> RevokeAdminAsync(string userId, string? actingUserId = null, string? ip = null)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "That account no longer exists.";
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return null;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return "You cannot revoke the last Admin. Grant Admin to someone else first.";
        }

        var removed = await AuditedAsync(actingUserId, user, "admin.user.admin_revoked", ip, () => users.RemoveFromRoleAsync(user, Roles.Admin));
        if (removed.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return Describe(removed);
    }

    private async Task<IdentityResult> AuditedAsync(string? actingUserId, ApplicationUser user, string action, string? ip, Func<Task<IdentityResult>> change)
    {
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actingUserId, null, action, user.Id, ip, new { email = user.Email });
        var result = await change();
        if (!result.Succeeded)
        {
            // Nothing changed, so nothing is logged: the unsaved row must not ride along with a later save.
            foreach (var pending in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).ToList())
            {
                pending.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }
        }

        return result;
    }

    private async Task<int> CountUnlockedAdminsAsync()
    {
        var now = clock.GetUtcNow();
        return (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => u.LockoutEnd is null || u.LockoutEnd <= now);
    }

    private static string? Describe(IdentityResult result) =>
        result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
}
