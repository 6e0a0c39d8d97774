using Microsoft.AspNetCore.Identity;
using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Accounts;

/// <summary>Makes the first account registered on a fresh install the site Admin. Serialised so two simultaneous first registrations cannot both win.</summary>
public sealed class FirstAdminBootstrapper
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<bool> PromoteIfFirstAsync(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, ApplicationUser user)
    {
        await _gate.WaitAsync();
        try
        {
            if (!await roles.RoleExistsAsync(Roles.Admin))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Admin));
            }

            if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            {
                return false;
            }

            // Oldest account wins: if another registration raced ahead, it is the one promoted.
            var first = users.Users.OrderBy(u => u.CreatedUtc).ThenBy(u => u.Id).First();
            if (first.Id != user.Id)
            {
                return false;
            }

            var result = await users.AddToRoleAsync(user, Roles.Admin);
            return result.Succeeded;
        }
        finally
        {
            _gate.Release();
        }
    }
}
