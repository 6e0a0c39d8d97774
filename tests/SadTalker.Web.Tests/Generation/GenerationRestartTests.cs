using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>Kill the real server mid-job: after the restart the job is queued again, runs from the start and completes.</summary>
public sealed class GenerationRestartTests
{
    [Fact]
    public async Task KilledMidJob_RestartedServer_CompletesTheJob_AndLeavesNoTempFiles()
    {
        using var data = new TempDir("sadtalker-restart");
        await using var app = AppProcess.ForBuiltApp(data.Path);
        await app.StartAsync();
        using var studio = new LiveStudio(app, data.Path);
        await studio.RegisterAsync("ann@example.test");
        var portrait = await studio.UploadAsync("portraits", RepoPaths.Fixture("astronaut.png"));
        await studio.ApproveConsentAsync(portrait);
        var looped = Path.Combine(data.Path, "long.wav");
        await Inference.Imaging.MediaTool.Ffmpeg.RunAsync(["-v", "error", "-stream_loop", "2", "-i", RepoPaths.Fixture("speech-en-10s.wav"), "-c", "copy", "-y", looped], default);
        var audio = await studio.UploadAsync("audio", looped);

        var id = await studio.SubmitAsync(portrait, audio);
        await studio.WaitAsync(id, j => j.GetProperty("framesDone").GetInt64() > 0, 180);
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, "jobs-tmp")));
        await app.StopAsync();

        await app.StartAsync();
        await studio.SignedInAsync();
        var job = await studio.WaitAsync(id, j => j.GetProperty("state").GetString() is "Succeeded" or "Failed" or "Cancelled", 180);
        Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        Assert.InRange(job.GetProperty("durationSeconds").GetDouble(), 33.1, 33.5);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, "jobs-tmp")));
        Assert.Contains("were running when the app stopped", app.Output);
    }
}
