using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Library;

/// <summary>One app with a team "Studio" (owner, editor, viewer) and an outsider, each with a signed-in HTTP client carrying an anti-forgery header.</summary>
public sealed partial class LibraryWorld : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new();

    private LibraryWorld(AppFactory factory) => Factory = factory;

    public AppFactory Factory { get; }

    public Guid TeamId { get; private set; }

    public HttpClient this[string who] => _clients[who];

    public static readonly string[] Everyone = ["owner", "editor", "viewer", "outsider"];

    public static async Task<LibraryWorld> CreateAsync()
    {
        var world = new LibraryWorld(new AppFactory());
        foreach (var who in Everyone)
        {
            var client = IdentityForms.CreateClient(world.Factory);
            await IdentityForms.RegisterAsync(client, $"{who}@example.test");
            var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
            var token = TokenRegex().Match(page).Groups[1].Value;
            client.DefaultRequestHeaders.Add("RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token));
            world._clients[who] = client;
        }

        using var scope = world.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var owner = await users.FindByEmailAsync("owner@example.test");
        var team = new Team { Id = Guid.NewGuid(), Name = "Studio", CreatedUtc = DateTime.UtcNow, CreatedByUserId = owner!.Id };
        db.Teams.Add(team);
        foreach (var (who, role) in new[] { ("owner", TeamRole.Owner), ("editor", TeamRole.Editor), ("viewer", TeamRole.Viewer) })
        {
            var user = await users.FindByEmailAsync($"{who}@example.test");
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = user!.Id, Role = role, JoinedUtc = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
        world.TeamId = team.Id;
        return world;
    }

    public Task<HttpResponseMessage> UploadAsync(string who, string kind, byte[] content, string fileName, string? name = null, string? tags = null, Guid? team = null)
    {
        var form = new MultipartFormDataContent();
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        if (tags is not null)
        {
            form.Add(new StringContent(tags), "tags");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return this[who].PostAsync($"/api/library/{kind}?team={team ?? TeamId}", form);
    }

    public async Task<(int Portraits, int Audio, int Blobs)> CountStoredAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var blobs = Path.Combine(Factory.DataDir, "blobs");
        var files = Directory.Exists(blobs)
            ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).Count(f => !f.StartsWith(Path.Combine(blobs, "tmp"), StringComparison.Ordinal))
            : 0;
        return (await db.Portraits.CountAsync(), await db.AudioClips.CountAsync(), files);
    }

    public int TempEntries() => Directory.Exists(Path.Combine(Factory.DataDir, "blobs", "tmp"))
        ? Directory.EnumerateFileSystemEntries(Path.Combine(Factory.DataDir, "blobs", "tmp")).Count()
        : 0;

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Factory.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
