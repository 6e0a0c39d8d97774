using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Generation.References;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>
/// Reference eye-blink / pose videos end to end (upload endpoint, submission, worker, delete, retry) and the job log
/// (engine notices and the worker's lines, on the row, in the JSON and on the job page).
/// </summary>
public sealed class ReferenceVideoTests(ReferenceVideoWorld refs) : IClassFixture<ReferenceVideoWorld>
{
    private GenerationWorld World => refs.World;

    [Fact]
    public async Task Submit_WithReferenceVideos_RendersWithThem_LogsTheNotice_AndDeleteRemovesThem()
    {
        // Content of its own (96 px), so no other test's job shares these blobs and delete must remove them.
        Directory.CreateDirectory(refs.File("own"));
        var (blinkFile, poseFile) = (refs.File("own/blink.mp4"), refs.File("own/pose.mov"));
        await ReferenceVideoWorld.MakeVideoAsync(blinkFile, 2, "libx264", size: 96);
        await ReferenceVideoWorld.MakeVideoAsync(poseFile, 3, "mpeg4", size: 96);
        var blink = await refs.TokenAsync(blinkFile);
        var pose = await refs.TokenAsync(poseFile);
        var submitted = await SubmitAsync(ReferenceProbeEngine.EngineId, new(blink, pose));
        Assert.True(submitted.Succeeded, $"{submitted.Code}: {submitted.Message}");
        var id = submitted.Value!.JobId;

        var job = await World.WaitFinishedAsync(id);
        Assert.True(job.State == GenerationJobState.Succeeded, job.Error);
        Assert.Equal(("blink.mp4", "pose.mov"), (job.RefEyeblinkName, job.RefPoseName));
        Assert.InRange(job.RefEyeblinkSeconds!.Value, 1.9, 2.1);
        Assert.InRange(job.RefPoseSeconds!.Value, 2.9, 3.1);
        var blobs = World.Get<BlobStore>();
        Assert.Equal(Sha256(blinkFile), job.RefEyeblinkSha256);
        Assert.Equal(Sha256(poseFile), job.RefPoseSha256);
        Assert.Equal(5, job.BlobHashes.Count); // video, thumbnail, provenance, two references

        // The engine found real, readable files in the job folder at render time.
        var render = refs.Engine.Renders.Last();
        Assert.Equal(("ref-eyeblink.mp4", "ref-pose.mov"), (render.Eyeblink, render.Pose));
        Assert.InRange(render.EyeblinkSeconds!.Value, 1.9, 2.1);
        Assert.InRange(render.PoseSeconds!.Value, 2.9, 3.1);
        Assert.Equal(0, World.TempEntries());

        // The job log: the worker's lines and the engine's notice, once, in order.
        var log = JobLog.Parse(job.LogJson).Select(l => l.Message).ToList();
        const string notice = "Probe engine: eye-blink reference 2.0 s, pose reference 3.0 s.";
        Assert.Equal("Attempt 1 started on engine reference-probe.", log[0]);
        Assert.Single(log, notice);
        Assert.StartsWith("Finished: ", log[^1]);
        Assert.Contains("Reference videos: eye-blink blink.mp4, pose pose.mov.", log);

        var json = JsonDocument.Parse(await World.EditorClient.GetStringAsync($"/api/generation/jobs/{id}")).RootElement;
        Assert.Equal("blink.mp4", json.GetProperty("refEyeblink").GetProperty("name").GetString());
        Assert.Equal(job.RefPoseSha256, json.GetProperty("refPose").GetProperty("sha256").GetString());
        Assert.Contains(json.GetProperty("log").EnumerateArray(), l => l.GetProperty("message").GetString() == notice);

        var page = await World.EditorClient.GetStringAsync($"/generate/jobs/{id}");
        Assert.Contains("<h2 id=\"job-log-heading\">Job log</h2>", page);
        Assert.Contains("aria-labelledby=\"job-log-heading\"", page);
        Assert.Contains(notice, page);
        Assert.Contains("<dt>Reference eye-blink video</dt><dd>blink.mp4 (2.0 s)</dd>", page);
        Assert.Contains("<dt>Reference pose video</dt><dd>pose.mov (3.0 s)</dd>", page);

        var audit = await World.App.QueryAsync(db => db.AuditEntries.FirstAsync(a => a.TargetId == id.ToString() && a.Action == "generation.submitted"));
        Assert.Contains(job.RefEyeblinkSha256!, audit.DetailJson);

        var files = new[] { job.RefEyeblinkSha256!, job.RefPoseSha256! }.Select(blobs.PathOf).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        Assert.True((await World.Get<DeleteGeneration>().HandleAsync(World.Editor, id, null)).Succeeded);
        Assert.All(files, f => Assert.False(File.Exists(f), $"{f} outlived its job"));
    }

    [Fact]
    public async Task SameVideoForBoth_IsStoredOnce_AndRetryUsesItAgain()
    {
        var token = await refs.TokenAsync(refs.BlinkMp4);
        var blocker = await World.SubmitOkAsync(audio: World.LongSpeech);
        await World.WaitAsync(blocker, j => j.State == GenerationJobState.Running);
        var submitted = await SubmitAsync(ReferenceProbeEngine.EngineId, new(token, token));
        Assert.True(submitted.Succeeded, submitted.Message);
        var id = submitted.Value!.JobId;
        Assert.Equal(GenerationJobState.Cancelled, (await World.Get<CancelGeneration>().HandleAsync(World.Editor, id, null)).Value);
        await World.Get<CancelGeneration>().HandleAsync(World.Editor, blocker, null);

        var cancelled = await World.JobAsync(id);
        Assert.Equal(cancelled.RefEyeblinkSha256, cancelled.RefPoseSha256);
        Assert.Equal(2, (await World.Get<RetryGeneration>().HandleAsync(World.Editor, id, null)).Value);
        var job = await World.WaitFinishedAsync(id);
        Assert.True(job.State == GenerationJobState.Succeeded, job.Error);
        Assert.Equal(cancelled.RefEyeblinkSha256, job.RefEyeblinkSha256);
        var render = refs.Engine.Renders.Last();
        Assert.Equal(render.Eyeblink, render.Pose);
        Assert.InRange(render.PoseSeconds!.Value, 1.9, 2.1);

        // A token is redeemed once.
        var again = await SubmitAsync(ReferenceProbeEngine.EngineId, new(token, null));
        Assert.Equal("reference.not_found", again.Code);
    }

    [Fact]
    public async Task Submit_RefusesReferenceVideos_ForAnEngineWithoutThem_AndUnknownOrForeignTokens_SavingNothing()
    {
        var token = await refs.TokenAsync(refs.BlinkMp4);
        var before = await World.App.QueryAsync(db => db.GenerationJobs.CountAsync());
        var blobsBefore = refs.StoredBlobs().Count;

        var refused = await SubmitAsync("studio-lite", new(token, null));
        Assert.Equal(LibraryStatus.Invalid, refused.Status);
        Assert.Equal("reference.unsupported", refused.Code);
        Assert.Contains("Studio Lite does not take reference eye-blink or pose videos", refused.Message);
        Assert.Equal("reference.not_found", (await SubmitAsync(ReferenceProbeEngine.EngineId, new(null, "no-such-token"))).Code);
        var foreign = await World.Get<SubmitGeneration>().HandleAsync(new(
            World.Owner, World.Team, World.Portrait, World.Speech, ReferenceProbeEngine.EngineId, Settings, PermittedUse.Internal, null, new(token, null)));
        Assert.Equal("reference.not_found", foreign.Code);

        Assert.Equal(before, await World.App.QueryAsync(db => db.GenerationJobs.CountAsync()));
        Assert.Equal(blobsBefore, refs.StoredBlobs().Count);

        // The refused submission did not use the upload up: the same token works once the engine is right.
        var ok = await SubmitAsync(ReferenceProbeEngine.EngineId, new(token, null));
        Assert.True(ok.Succeeded, ok.Message);
        Assert.Equal(GenerationJobState.Succeeded, (await World.WaitFinishedAsync(ok.Value!.JobId)).State);
    }

    [Fact]
    public async Task Upload_RefusesFilesThatAreNotShortVideos_WithSpecificMessages_StoringNothing()
    {
        var wav = refs.File("speech.wav");
        File.Copy(RepoPaths.Fixture("speech-en-10s.wav"), wav, overwrite: true);
        var png = refs.File("face.png");
        File.Copy(RepoPaths.Fixture("astronaut.png"), png, overwrite: true);
        var empty = refs.File("empty.mp4");
        await File.WriteAllBytesAsync(empty, []);
        var text = refs.File("notes.mp4");
        await File.WriteAllTextAsync(text, "not a video at all");
        var tooLong = refs.File("long.mp4");
        await ReferenceVideoWorld.MakeVideoAsync(tooLong, 301, "libx264", fps: 1);

        var blobsBefore = refs.StoredBlobs().Count;
        var tempBefore = refs.TempFiles();
        var cases = new (string Path, string Code, string Message)[]
        {
            (wav, ReferenceVideoIntake.NoVideoStream, "speech.wav has no video stream"),
            (png, ReferenceVideoIntake.StillImage, "face.png is a still image"),
            (empty, ReferenceVideoIntake.Empty, "empty.mp4 is empty (0 bytes)"),
            (text, ReferenceVideoIntake.NotVideo, "notes.mp4 is not a video that can be read"),
            (tooLong, ReferenceVideoIntake.TooLong, "reference videos are limited to 5 min"),
        };
        foreach (var (path, code, message) in cases)
        {
            var response = await refs.UploadAsync(path);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(code, body.GetProperty("code").GetString());
            Assert.Contains(message, body.GetProperty("error").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await refs.UploadAsync(refs.BlinkMp4, World.OutsiderClient)).StatusCode);
        Assert.Equal(blobsBefore, refs.StoredBlobs().Count);
        Assert.Equal(tempBefore, refs.TempFiles());
    }

    private static JobSettings Settings => new() { Seed = 11, WatermarkText = "AI-generated" };

    private Task<LibraryResult<SubmitGeneration.Submitted>> SubmitAsync(string engine, ReferenceVideoUploads uploads) =>
        World.Get<SubmitGeneration>().HandleAsync(new(
            World.Editor, World.Team, World.Portrait, World.Speech, engine, Settings, PermittedUse.Internal, "127.0.0.1", uploads));

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
