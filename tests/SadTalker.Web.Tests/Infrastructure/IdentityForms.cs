using System.Net;
using System.Text.RegularExpressions;

namespace SadTalker.Web.Tests.Infrastructure;

/// <summary>Drives the static-SSR Identity pages over HTTP: GET the form, read the antiforgery token, POST it back.</summary>
public static partial class IdentityForms
{
    public const string Password = "Correct-Horse-42";

    public static HttpClient CreateClient(AppFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = Password) =>
        await PostFormAsync(client, "/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = Password) =>
        await PostFormAsync(client, "/Account/Login", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenRegex().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = handler,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
