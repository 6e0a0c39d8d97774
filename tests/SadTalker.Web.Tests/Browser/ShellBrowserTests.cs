using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SadTalker.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task FirstUserIsAdmin_RadzenControlResponds_SecondUserIsNot_LogoutWorks()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var page = session.Page;

        await session.RegisterAsync("first@example.test");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("first@example.test");

        // The circuit works: a Radzen button click round-trips to the server and re-renders.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check system status" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-ort")).ToContainTextAsync("1.29");
        await Assertions.Expect(page.GetByTestId("status-overall")).ToHaveTextAsync("healthy");

        await session.LogoutAsync();
        await session.RegisterAsync("second@example.test");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("second@example.test");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Library" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);

        await session.LogoutAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        // The Admin locks the second account from the users page.
        await session.LoginAsync("first@example.test", Infrastructure.IdentityForms.Password);
        await session.WaitForCircuitAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock second@example.test" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlock second@example.test" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "second@example.test" })).ToContainTextAsync("Locked");
    }

    [Fact]
    public async Task OpenPage_RecoversByItself_WithinTenSecondsOfAServerRestart()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var page = session.Page;
        await session.RegisterAsync("restart@example.test");
        var check = page.GetByRole(AriaRole.Button, new() { Name = "Check system status" });
        var checkedAt = page.GetByTestId("status-checked");
        await check.ClickAsync();
        await Assertions.Expect(checkedAt).ToBeVisibleAsync();
        var before = await checkedAt.TextContentAsync();

        await session.App.RestartAsync();
        var back = Stopwatch.StartNew();

        // Recovered = without the test touching navigation, a click again reaches the server through a live
        // circuit: the status card shows a report newer than the one from before the restart.
        var recovered = false;
        while (!recovered && back.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                await check.ClickAsync(new() { Timeout = 1000 });
                await Assertions.Expect(checkedAt).Not.ToHaveTextAsync(before ?? "", new() { Timeout = 1000 });
                await Assertions.Expect(checkedAt).ToBeVisibleAsync(new() { Timeout = 100 });
                recovered = true;
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
            }
        }

        output.WriteLine($"Recovered {back.Elapsed.TotalSeconds:0.0} s after the server was back.");
        Assert.True(recovered, $"The page did not recover within 10 s of the restart (waited {back.Elapsed.TotalSeconds:0.0} s).");
        Assert.Equal(session.App.BaseUrl + "/", page.Url);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithAClearMessage()
    {
        await using var session = await BrowserSession.StartAsync(browser.Browser);
        var page = session.Page;
        await session.RegisterAsync("locked@example.test");
        await session.LogoutAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await session.LoginAsync("locked@example.test", $"not-the-password-{attempt}");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Invalid login attempt");
        }

        await session.LoginAsync("locked@example.test", "not-the-password-5");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account locked" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked after 5 failed sign-in attempts");
    }
}
