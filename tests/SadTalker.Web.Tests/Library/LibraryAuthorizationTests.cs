using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Library;

/// <summary>Every library endpoint as an outsider and as each team role: outsiders get 404 for every id, Viewers read only.</summary>
public sealed class LibraryAuthorizationTests(LibraryAuthorizationTests.World world) : IClassFixture<LibraryAuthorizationTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        public LibraryWorld Value { get; private set; } = default!;

        public Guid PortraitId { get; private set; }

        public Guid AudioId { get; private set; }

        public async Task InitializeAsync()
        {
            Value = await LibraryWorld.CreateAsync();
            PortraitId = await IdOfAsync(await Value.UploadAsync("owner", "portraits", File.ReadAllBytes(RepoPaths.Fixture("astronaut.png")), "astronaut.png"));
            AudioId = await IdOfAsync(await Value.UploadAsync("owner", "audio", File.ReadAllBytes(RepoPaths.Fixture("speech-en-short.wav")), "speech.wav"));
        }

        public Task DisposeAsync()
        {
            Value.Dispose();
            return Task.CompletedTask;
        }

        private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    public static TheoryData<string, string> ReadEndpoints() => new()
    {
        { "GET", "/api/library/portraits/{p}" },
        { "GET", "/api/library/portraits/{p}/files/original" },
        { "GET", "/api/library/portraits/{p}/files/image" },
        { "GET", "/api/library/portraits/{p}/files/thumbnail" },
        { "GET", "/api/library/audio/{a}" },
        { "GET", "/api/library/audio/{a}/files/original" },
        { "GET", "/api/library/audio/{a}/files/playback" },
        { "GET", "/api/library/audio/{a}/files/pcm" },
        { "GET", "/api/library/audio/{a}/files/waveform" },
        { "GET", "/api/library/portraits?team={t}" },
        { "GET", "/api/library/audio?team={t}" },
        { "PAGE", "/library/portraits/{p}" },
        { "PAGE", "/library/audio/{a}" },
    };

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Reads_AreOpenToMembers_AndNotFoundForOutsiders(string method, string template)
    {
        foreach (var who in LibraryWorld.Everyone)
        {
            var response = await SendAsync(who, method == "PAGE" ? "GET" : method, template);
            var expected = who == "outsider" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            Assert.True(expected == response.StatusCode, $"{who} {method} {template}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("PATCH", "/api/library/portraits/{p}")]
    [InlineData("PATCH", "/api/library/audio/{a}")]
    [InlineData("DELETE", "/api/library/portraits/{p}")]
    [InlineData("DELETE", "/api/library/audio/{a}")]
    public async Task Changes_AreNotFoundForOutsiders_AndForbiddenForViewers(string method, string template)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("outsider", method, template)).StatusCode);
        var viewer = await SendAsync("viewer", method, template);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Contains("Viewers can see and download", await viewer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Uploads_AreNotFoundForOutsiders_ForbiddenForViewers_AndNothingIsStored()
    {
        var before = await world.Value.CountStoredAsync();
        var png = File.ReadAllBytes(RepoPaths.Fixture("coffee.png"));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Value.UploadAsync("outsider", "portraits", png, "coffee.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Value.UploadAsync("viewer", "portraits", png, "coffee.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Value.UploadAsync("owner", "portraits", png, "coffee.png", team: Guid.NewGuid())).StatusCode);
        Assert.Equal(before, await world.Value.CountStoredAsync());
        Assert.Equal(0, world.Value.TempEntries());
    }

    [Fact]
    public async Task Editors_CanRenameAndTag_AndUnknownIdsAreNotFound()
    {
        var patch = await world.Value["editor"].PatchAsJsonAsync($"/api/library/portraits/{world.PortraitId}", new { name = "Commander", tags = "NASA, crew" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var json = await patch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Commander", json.GetProperty("name").GetString());
        Assert.Equal(["nasa", "crew"], json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.NotFound, (await world.Value["owner"].GetAsync($"/api/library/portraits/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Value["owner"].GetAsync($"/api/library/portraits/{world.PortraitId}/files/nonsense")).StatusCode);
    }

    [Fact]
    public async Task Files_CarryContentDispositionAndTypes()
    {
        var image = await world.Value["viewer"].GetAsync($"/api/library/portraits/{world.PortraitId}/files/image");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
        var original = await world.Value["viewer"].GetAsync($"/api/library/portraits/{world.PortraitId}/files/original?download=true");
        Assert.Equal("attachment", original.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("astronaut.png", original.Content.Headers.ContentDisposition?.FileNameStar ?? original.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var playback = await world.Value["viewer"].GetAsync($"/api/library/audio/{world.AudioId}/files/playback");
        Assert.Equal("audio/mp4", playback.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", playback.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private Task<HttpResponseMessage> SendAsync(string who, string method, string template)
    {
        var url = template.Replace("{p}", world.PortraitId.ToString()).Replace("{a}", world.AudioId.ToString()).Replace("{t}", world.Value.TeamId.ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "PATCH")
        {
            request.Content = JsonContent.Create(new { name = "Renamed by " + who });
        }

        return world.Value[who].SendAsync(request);
    }
}
