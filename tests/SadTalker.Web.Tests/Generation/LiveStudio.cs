using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>Drives a real app process over HTTP as one signed-in user, and seeds consent in its SQLite file (as an Admin's approval would).</summary>
public sealed partial class LiveStudio(AppProcess app, string dataDir) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(app.BaseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http => _http;

    public Guid Team { get; private set; }

    /// <summary>Registers (the first account is the site Admin), signs in and remembers the active (personal) team.</summary>
    public async Task RegisterAsync(string email)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await IdentityForms.RegisterAsync(_http, email)).StatusCode);
        await SignedInAsync();
    }

    /// <summary>After a restart: the same cookie still works; refreshes the anti-forgery header.</summary>
    public async Task SignedInAsync()
    {
        var page = await _http.GetStringAsync("/Account/Manage/ChangePassword");
        _http.DefaultRequestHeaders.Remove("RequestVerificationToken");
        _http.DefaultRequestHeaders.Add("RequestVerificationToken", WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value));
        Team = (await _http.GetFromJsonAsync<JsonElement>("/api/teams/active")).GetProperty("id").GetGuid();
    }

    public async Task<Guid> UploadAsync(string kind, string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        var response = await _http.PostAsync($"/api/library/{kind}?team={Team}", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> SubmitAsync(Guid portrait, Guid audio)
    {
        var response = await _http.PostAsJsonAsync($"/api/generation/jobs?team={Team}", new
        {
            portraitId = portrait, audioClipId = audio, engineId = "studio-lite", use = "Internal",
            settings = new { seed = 3, watermarkText = "AI-generated" },
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> JobAsync(Guid id) => await _http.GetFromJsonAsync<JsonElement>($"/api/generation/jobs/{id}");

    public async Task<JsonElement> WaitAsync(Guid id, Func<JsonElement, bool> done, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await JobAsync(id);
            if (done(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job still {job}\n{app.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>An approved consent for the portrait, written straight into the app's database (the app reads it on every check).</summary>
    public Task ApproveConsentAsync(Guid portrait) => ConsentSeed.ApproveAsync(dataDir, portrait);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
