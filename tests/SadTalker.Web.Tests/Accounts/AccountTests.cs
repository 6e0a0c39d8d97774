using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Accounts;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Accounts;

public sealed class AccountTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FirstRegisteredAccount_BecomesAdmin_LaterOnesDoNot()
    {
        using var a = IdentityForms.CreateClient(_factory);
        using var b = IdentityForms.CreateClient(_factory);

        Assert.Equal(HttpStatusCode.Redirect, (await IdentityForms.RegisterAsync(a, "first@example.test")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityForms.RegisterAsync(b, "second@example.test")).StatusCode);

        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("first@example.test"))!, Roles.Admin));
        Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync("second@example.test"))!, Roles.Admin));
    }

    [Fact]
    public async Task Registration_RejectsPasswordsShorterThanTen()
    {
        using var client = IdentityForms.CreateClient(_factory);
        var response = await IdentityForms.RegisterAsync(client, "short@example.test", "Ab1!short");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 10", await response.Content.ReadAsStringAsync());

        using var scope = _factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("short@example.test"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        using (var registrar = IdentityForms.CreateClient(_factory))
        {
            await IdentityForms.RegisterAsync(registrar, "victim@example.test");
        }

        using var client = IdentityForms.CreateClient(_factory);
        for (var i = 1; i <= 4; i++)
        {
            var failed = await IdentityForms.LoginAsync(client, "victim@example.test", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Invalid login attempt", await failed.Content.ReadAsStringAsync());
        }

        var fifth = await IdentityForms.LoginAsync(client, "victim@example.test", "wrong-password-5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.OriginalString);

        var right = await IdentityForms.LoginAsync(client, "victim@example.test");
        Assert.Contains("Account/Lockout", right.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync("/Account/Lockout");
        Assert.Contains("locked after 5 failed sign-in attempts", page);
        Assert.Contains("5 minutes", page);
    }

    [Fact]
    public async Task InviteOnlyMode_RefusesRegistration_OnceAccountsExist()
    {
        using (var first = IdentityForms.CreateClient(_factory))
        {
            await IdentityForms.RegisterAsync(first, "owner@example.test");
        }

        await _factory.Services.GetRequiredService<SiteSettings>().SetAsync(SiteSettings.RegistrationMode, RegistrationOptions.InviteOnly, null);

        using var client = IdentityForms.CreateClient(_factory);
        var page = await client.GetStringAsync("/Account/Register");
        Assert.Contains("by invitation only", page);
        Assert.DoesNotContain("Input.Password", page);

        using var scope = _factory.Services.CreateScope();
        Assert.Equal(1, scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().Users.Count());
    }

    [Fact]
    public async Task InviteOnlyMode_StillLetsTheFirstAdminRegister()
    {
        using var factory = new AppFactory().With("Registration:Mode", "invite-only");
        using var client = IdentityForms.CreateClient(factory);
        var response = await IdentityForms.RegisterAsync(client, "bootstrap@example.test");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("bootstrap@example.test"))!, Roles.Admin));
    }
}
