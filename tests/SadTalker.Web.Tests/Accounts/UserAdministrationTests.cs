using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Admin;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Accounts;

public sealed class UserAdministrationTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(string AdminId, string MemberId)> SeedAsync()
    {
        using var a = IdentityForms.CreateClient(_factory);
        using var b = IdentityForms.CreateClient(_factory);
        await IdentityForms.RegisterAsync(a, "admin@example.test");
        await IdentityForms.RegisterAsync(b, "member@example.test");
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return ((await users.FindByEmailAsync("admin@example.test"))!.Id, (await users.FindByEmailAsync("member@example.test"))!.Id);
    }

    [Fact]
    public async Task Admin_LocksAndUnlocksMember_AndLockedMemberCannotSignIn()
    {
        var (adminId, memberId) = await SeedAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            Assert.Null(await admin.LockAsync(adminId, memberId));
            Assert.True((await admin.ListAsync()).Single(u => u.Id == memberId).IsLocked);
        }

        using var client = IdentityForms.CreateClient(_factory);
        var login = await IdentityForms.LoginAsync(client, "member@example.test");
        Assert.Contains("Account/Lockout", login.Headers.Location!.OriginalString);

        using (var scope = _factory.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            Assert.Null(await admin.UnlockAsync(memberId));
        }

        var again = await IdentityForms.LoginAsync(IdentityForms.CreateClient(_factory), "member@example.test");
        Assert.Equal("/", new Uri(new Uri("http://localhost"), again.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Admin_GrantsAndRevokesAdmin_ButNeverTheLastOne()
    {
        var (adminId, memberId) = await SeedAsync();
        using var scope = _factory.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        Assert.Equal("You cannot revoke the last Admin. Grant Admin to someone else first.", await admin.RevokeAdminAsync(adminId));
        Assert.Equal("You cannot lock your own account.", await admin.LockAsync(adminId, adminId));

        Assert.Null(await admin.GrantAdminAsync(memberId));
        Assert.True((await admin.ListAsync()).Single(u => u.Id == memberId).IsAdmin);
        Assert.Null(await admin.RevokeAdminAsync(adminId));
        var rows = await admin.ListAsync();
        Assert.False(rows.Single(u => u.Id == adminId).IsAdmin);
        Assert.True(rows.Single(u => u.Id == memberId).IsAdmin);
    }
}
