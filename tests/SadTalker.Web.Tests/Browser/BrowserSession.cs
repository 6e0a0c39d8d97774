using Microsoft.Playwright;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Browser;

/// <summary>A fresh app process (own data folder) and a browser page on it; the UI is driven by label and role.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly TempDir _data;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    private BrowserSession(TempDir data, IBrowser browser)
    {
        _data = data;
        _browser = browser;
        App = AppProcess.ForBuiltApp(data.Path);
    }

    public AppProcess App { get; }

    /// <summary>The app's data folder (database, blobs).</summary>
    public string DataDir => _data.Path;

    public IPage Page { get; private set; } = default!;

    /// <param name="settings">Configuration values for the app (<c>Section:Key</c>), e.g. a model pack folder.</param>
    public static async Task<BrowserSession> StartAsync(IBrowser browser, IReadOnlyDictionary<string, string>? settings = null)
    {
        var session = new BrowserSession(new TempDir("sadtalker-e2e"), browser);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            session.App.WithSetting(key, value);
        }

        await session.App.StartAsync();
        session.Page = await session.NewPageAsync();
        return session;
    }

    /// <summary>A page in a new browser context (own cookies): a second person using the same app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = App.BaseUrl });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Registers on <paramref name="page"/> (default: <see cref="Page"/>) and waits for the dashboard's circuit.</summary>
    public async Task RegisterAsync(string email, string password = IdentityForms.Password, IPage? page = null)
    {
        page ??= Page;
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
        await WaitForCircuitAsync(page);
    }

    /// <summary>Waits until the interactive circuit has rendered (clicks on a prerendered page would be lost).</summary>
    public Task WaitForCircuitAsync(IPage? page = null) =>
        (page ?? Page).GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

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
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await App.DisposeAsync();
        _data.Dispose();
    }
}
