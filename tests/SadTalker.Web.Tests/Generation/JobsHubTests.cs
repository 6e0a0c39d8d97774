using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>The public hub with the SignalR .NET client: members receive progress, previews and the final state; others cannot join.</summary>
public sealed class JobsHubTests(GenerationWorld world) : IClassFixture<GenerationWorld>
{
    [Fact]
    public async Task Member_ReceivesProgressPreviewAndState_InOrder_OutsiderCannotJoin()
    {
        var messages = new ConcurrentQueue<(string Name, JsonElement Body)>();
        await using var hub = await ConnectAsync("editor@example.test");
        foreach (var name in new[] { "jobProgress", "jobPreview", "jobState" })
        {
            hub.On<JsonElement>(name, body => messages.Enqueue((name, body)));
        }

        await hub.InvokeAsync("JoinTeam", world.Team);
        var id = await world.SubmitOkAsync();
        var job = await world.WaitFinishedAsync(id);
        Assert.Equal(GenerationJobState.Succeeded, job.State);
        await WaitUntilAsync(() => messages.Any(m => m.Name == "jobState" && m.Body.GetProperty("state").GetString() == "Succeeded"));

        var mine = messages.Where(m => m.Body.GetProperty("jobId").GetGuid() == id).ToList();
        var progress = mine.Where(m => m.Name == "jobProgress").Select(m => m.Body).ToList();
        Assert.True(progress.Count >= 3, $"only {progress.Count} progress messages");
        var percents = progress.Select(p => p.GetProperty("percent").GetDouble()).ToList();
        Assert.Equal(percents.Order().ToList(), percents);
        Assert.Contains(progress, p => p.GetProperty("framesTotal").GetInt64() == 277 && p.GetProperty("stage").GetString() is { Length: > 0 });
        Assert.Contains(progress, p => p.GetProperty("etaSeconds").ValueKind == JsonValueKind.Number);
        var preview = Convert.FromBase64String(mine.First(m => m.Name == "jobPreview").Body.GetProperty("jpegBase64").GetString()!);
        Assert.Equal([0xFF, 0xD8], preview[..2]);
        var states = mine.Where(m => m.Name == "jobState").Select(m => m.Body.GetProperty("state").GetString()).ToList();
        Assert.Equal(["Queued", "Running", "Succeeded"], states);

        await using var outsider = await ConnectAsync("outsider@example.test");
        var refused = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync("JoinTeam", world.Team));
        Assert.Contains("No such team", refused.Message);
    }

    private async Task<HubConnection> ConnectAsync(string email)
    {
        var cookies = new CookieContainer();
        using (var client = world.App.CreateDefaultClient(new CookieContainerHandler(cookies)))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await IdentityForms.LoginAsync(client, email)).StatusCode);
        }

        var server = world.App.Server;
        var factory = new WebSocketConnectionFactory(async ct =>
        {
            var ws = server.CreateWebSocketClient();
            ws.ConfigureRequest = r => r.Headers.Cookie = cookies.GetCookieHeader(server.BaseAddress);
            return await ws.ConnectAsync(new Uri(server.BaseAddress, "hubs/jobs"), ct);
        });
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(factory);
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(new Uri(server.BaseAddress, "hubs/jobs")));
        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for a hub message.");
            await Task.Delay(50);
        }
    }
}
