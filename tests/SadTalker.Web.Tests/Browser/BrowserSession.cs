using Microsoft.Playwright;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Browser;

/// <summary>A fresh app process (own data folder) and a browser page on it; the UI is driven by label and role.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly TempDir _data;
    private IBrowserContext? _context;

    private BrowserSession(TempDir data)
    {
        _data = data;
        App = AppProcess.ForBuiltApp(data.Path);
    }

    public AppProcess App { get; }

    public IPage Page { get; private set; } = default!;

    public static async Task<BrowserSession> StartAsync(IBrowser browser)
    {
        var session = new BrowserSession(new TempDir("sadtalker-e2e"));
        await session.App.StartAsync();
        session._context = await browser.NewContextAsync(new() { BaseURL = session.App.BaseUrl });
        session._context.SetDefaultTimeout(15_000);
        session.Page = await session._context.NewPageAsync();
        return session;
    }

    public async Task RegisterAsync(string email, string password = IdentityForms.Password)
    {
        await Page.GotoAsync("/Account/Register");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Confirm Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
        await WaitForCircuitAsync();
    }

    /// <summary>Waits until the interactive circuit has rendered (clicks on a prerendered page would be lost).</summary>
    public Task WaitForCircuitAsync() =>
        Page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task LoginAsync(string email, string password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
    }

    public async Task LogoutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.EndsWith('/') || url.Contains("/Account/", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        await App.DisposeAsync();
        _data.Dispose();
    }
}
