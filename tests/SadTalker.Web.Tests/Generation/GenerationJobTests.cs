using System.Net;
using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Media;
using SadTalker.Inference.Rendering;
using SadTalker.Web.Features.Accounts;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>Jobs end to end on the real worker, engine and ffmpeg: outputs, cancel, retry, delete, consent at start, revoked videos.</summary>
public sealed class GenerationJobTests(GenerationWorld world, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<GenerationWorld>
{
    [Fact]
    public async Task Job_RendersStoresVideoAndThumbnail_AndAudits()
    {
        var id = await world.SubmitOkAsync();
        var job = await world.WaitFinishedAsync(id);
        Assert.True(job.State == GenerationJobState.Succeeded, job.Error);
        Assert.Equal(100, job.Percent);
        Assert.Equal(25, job.Fps);
        Assert.Equal((512, 512), (job.Width, job.Height));
        Assert.Equal(world.Editor, job.CreatedByUserId);
        Assert.NotNull(job.StartConsentRecordId);
        Assert.Contains("\"name\":\"total\"", job.TimingsJson);
        Assert.Equal("1.0.0", job.EngineVersion);
        var blobs = world.Get<BlobStore>();
        var info = await MediaProbe.ProbeAsync(blobs.PathOf(job.VideoSha256!), default);
        Assert.Equal("h264", info.Video!.CodecName);
        Assert.Equal("aac", info.Audio!.CodecName);
        Assert.Equal(25, info.Video.FrameRate!.Value, 2);
        Assert.InRange(info.Duration!.Value.TotalSeconds, 11.1 - 0.1, 11.1 + 0.1);
        Assert.InRange(job.DurationSeconds!.Value, 11.0, 11.2);
        Assert.Equal(new FileInfo(blobs.PathOf(job.VideoSha256!)).Length, job.SizeBytes);
        Assert.True(new FileInfo(blobs.PathOf(job.ThumbnailSha256!)).Length > 1000);
        Assert.Equal(0, world.TempEntries());
        output.WriteLine($"11.1 s job: queued {job.CreatedUtc:O}, stage timings {job.TimingsJson}, {job.SizeBytes} bytes");
        Assert.Equal(["generation.finished", "generation.started", "generation.submitted"], (await world.AuditAsync(id)).Order().ToList());

        var download = await world.EditorClient.GetAsync($"/api/generation/videos/{id}/video?download=true");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("generation.downloaded", await world.AuditAsync(id));
        var range = new HttpRequestMessage(HttpMethod.Get, $"/api/generation/videos/{id}/video");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        var partial = await world.EditorClient.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await world.OutsiderClient.GetAsync($"/api/generation/videos/{id}/video")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.OutsiderClient.GetAsync($"/api/generation/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Submit_RefusesBadRequests_WithSpecificCodes_AndSavesNothing()
    {
        var before = await world.App.QueryAsync(db => db.GenerationJobs.CountAsync());
        var cat = await world.UploadPortraitAsync(RepoPaths.Fixture("chelsea.png"));
        var unconsented = await world.UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"));
        var otherTeam = await world.App.CreateTeamAsync(world.Outsider, "Elsewhere");
        var foreignPortrait = await world.UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"), otherTeam, world.Outsider);

        Assert.Equal(LibraryStatus.Forbidden, (await world.SubmitAsync(user: world.Viewer)).Status);
        Assert.Equal(LibraryStatus.NotFound, (await world.SubmitAsync(user: world.Outsider)).Status);
        var cases = new (Task<LibraryResult<SubmitGeneration.Submitted>> Call, string Code)[]
        {
            (world.SubmitAsync(portrait: cat), "face.none"),
            (world.SubmitAsync(portrait: foreignPortrait), "portrait.not_found"),
            (world.SubmitAsync(audio: Guid.NewGuid()), "audio.not_found"),
            (world.SubmitAsync(portrait: unconsented), "consent.refused"),
            (world.SubmitAsync(use: PermittedUse.Commercial), "consent.refused"),
            (world.SubmitAsync(settings: new JobSettings { ExpressionScale = 2.5f }), "options.invalid"),
            (world.SubmitAsync(settings: new JobSettings { PoseStyle = 46 }), "options.invalid"),
            (world.SubmitAsync(settings: new JobSettings { Size = 300 }), "options.invalid"),
            (world.SubmitAsync(settings: new JobSettings { Enhancer = true }), "options.invalid"),
            (world.SubmitAsync(settings: new JobSettings { WatermarkText = "" }), "watermark.required"),
            (world.SubmitAsync(settings: new JobSettings { WatermarkText = new string('x', 61) }), "watermark.too_long"),
        };
        foreach (var (call, code) in cases)
        {
            var result = await call;
            Assert.Equal(LibraryStatus.Invalid, result.Status);
            Assert.Equal(code, result.Code);
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
        }

        Assert.Contains("no detectable face", (await world.SubmitAsync(portrait: cat)).Message);
        Assert.Equal(before, await world.App.QueryAsync(db => db.GenerationJobs.CountAsync()));
    }

    [Fact]
    public async Task CancelQueued_IsImmediate_CancelRunning_StopsWithinTwoSeconds_AndCleansUp()
    {
        var running = await world.SubmitOkAsync(audio: world.LongSpeech);
        await world.WaitAsync(running, j => j.State == GenerationJobState.Running && j.FramesDone > 0 || j.Percent > 10);
        var queued = await world.SubmitOkAsync();
        var cancel = world.Get<CancelGeneration>();

        Assert.Equal(GenerationJobState.Cancelled, (await cancel.HandleAsync(world.Editor, queued, null)).Value);
        Assert.Equal(GenerationJobState.Cancelled, (await world.JobAsync(queued)).State);
        Assert.Equal(LibraryStatus.Forbidden, (await cancel.HandleAsync(world.Viewer, running, null)).Status);
        Assert.Equal(LibraryStatus.NotFound, (await cancel.HandleAsync(world.Outsider, running, null)).Status);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(GenerationJobState.Running, (await cancel.HandleAsync(world.Editor, running, null)).Value);
        var job = await world.WaitFinishedAsync(running, 10);
        output.WriteLine($"running job cancelled and cleaned up in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"cancel took {clock.Elapsed}");
        Assert.Equal(GenerationJobState.Cancelled, job.State);
        Assert.Null(job.VideoSha256);
        Assert.Equal(0, world.TempEntries());
        Assert.Equal(LibraryStatus.Conflict, (await cancel.HandleAsync(world.Editor, running, null)).Status);

        // Retry: the cancelled queued job runs as attempt 2 and succeeds.
        Assert.Equal(2, (await world.Get<RetryGeneration>().HandleAsync(world.Editor, queued, null)).Value);
        var retried = await world.WaitFinishedAsync(queued);
        Assert.Equal(GenerationJobState.Succeeded, retried.State);
        Assert.Equal(2, retried.Attempt);
        Assert.Equal("job.not_retryable", (await world.Get<RetryGeneration>().HandleAsync(world.Editor, queued, null)).Code);
    }

    [Fact]
    public async Task ConsentRevokedWhileQueued_FailsAtStart_WithTheConsentReason()
    {
        var second = await world.UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"));
        var record = await world.ApproveConsentAsync(second);
        var blocker = await world.SubmitOkAsync(audio: world.LongSpeech);
        await world.WaitAsync(blocker, j => j.State == GenerationJobState.Running);
        var queued = await world.SubmitOkAsync(portrait: second);
        await world.ReviewAsync(world.Owner, record, Features.Consent.ConsentAction.Revoke, "subject withdrew");
        await world.Get<CancelGeneration>().HandleAsync(world.Editor, blocker, null);

        var job = await world.WaitFinishedAsync(queued);
        Assert.Equal(GenerationJobState.Failed, job.State);
        Assert.Contains("Consent check at start refused", job.Error);
        Assert.Contains("no approved consent", job.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("generation.failed", await world.AuditAsync(queued));
        Assert.Equal(0, world.TempEntries());
    }

    [Fact]
    public async Task RevokedVideo_IsMarked_AndOnlyAdminsCanOpenIt()
    {
        var portrait = await world.UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"));
        var record = await world.ApproveConsentAsync(portrait);
        var id = await world.SubmitOkAsync(portrait: portrait);
        Assert.Equal(GenerationJobState.Succeeded, (await world.WaitFinishedAsync(id)).State);
        Assert.Equal(HttpStatusCode.OK, (await world.EditorClient.GetAsync($"/api/generation/videos/{id}/video")).StatusCode);

        await world.ReviewAsync(world.Owner, record, Features.Consent.ConsentAction.Revoke, "subject withdrew");
        var videos = await world.Get<GenerationQueries>().VideosAsync(world.Editor, world.Team, portrait, null, null);
        Assert.True(Assert.Single(videos.Value!).ConsentRevoked);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.EditorClient.GetAsync($"/api/generation/videos/{id}/video")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.EditorClient.GetAsync($"/api/generation/videos/{id}/thumbnail")).StatusCode);
        // Admins open revoked videos of teams they are in; outside their teams they see nothing, like anyone else.
        Assert.Equal(HttpStatusCode.NotFound, (await world.AdminClient.GetAsync($"/api/generation/videos/{id}/video")).StatusCode);
        await world.App.AddMemberAsync(world.Team, world.Owner, world.Admin, TeamRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await world.AdminClient.GetAsync($"/api/generation/videos/{id}/video")).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesUnsharedBlobs_KeepsSharedOnes_AndRefusesRunningJobs()
    {
        var settings = new JobSettings { Seed = 99, WatermarkText = "AI-generated", Still = true };
        var first = await world.SubmitOkAsync(settings: settings);
        var a = await world.WaitFinishedAsync(first);
        var second = await world.SubmitOkAsync(settings: settings);
        var b = await world.WaitFinishedAsync(second);
        // Every video carries its own job's invisible watermark and signed record, so two jobs never make the same bytes;
        // share the first job's thumbnail with the second as the store does for identical content.
        Assert.NotEqual(a.VideoSha256, b.VideoSha256);
        await world.App.QueryAsync(db => db.GenerationJobs.Where(j => j.Id == second).ExecuteUpdateAsync(s => s.SetProperty(j => j.ThumbnailSha256, a.ThumbnailSha256)));
        b = await world.JobAsync(second);
        var blobs = world.Get<BlobStore>();
        var delete = world.Get<DeleteGeneration>();

        Assert.Equal(LibraryStatus.Forbidden, (await delete.HandleAsync(world.Viewer, first, null)).Status);
        Assert.True((await delete.HandleAsync(world.Editor, first, null)).Succeeded);
        Assert.False(blobs.Exists(a.VideoSha256!));
        Assert.False(blobs.Exists(a.ProvenanceSha256!));
        Assert.True(blobs.Exists(b.ThumbnailSha256!)); // still the second job's
        Assert.True(blobs.Exists(b.VideoSha256!));
        Assert.True((await delete.HandleAsync(world.Editor, second, null)).Succeeded);
        Assert.False(blobs.Exists(b.VideoSha256!));
        Assert.False(blobs.Exists(b.ThumbnailSha256!));
        Assert.False(blobs.Exists(b.ProvenanceSha256!));
        Assert.Equal(LibraryStatus.NotFound, (await delete.HandleAsync(world.Editor, second, null)).Status);

        var running = await world.SubmitOkAsync(audio: world.LongSpeech);
        await world.WaitAsync(running, j => j.State == GenerationJobState.Running);
        Assert.Equal("job.running", (await delete.HandleAsync(world.Editor, running, null)).Code);
        var inUse = await world.Get<LibraryItems>().DeleteAsync(world.Editor, MediaKind.Audio, world.LongSpeech, default);
        Assert.Equal(LibraryStatus.Conflict, inUse.Status);
        await world.Get<CancelGeneration>().HandleAsync(world.Editor, running, null);
        await world.WaitFinishedAsync(running);
    }

    [Fact]
    public async Task BadAudio_SilenceRendersAClosedMouth_ShorterThanAFrameIsRefusedClearly()
    {
        var dir = Path.Combine(world.App.DataDir, "made");
        Directory.CreateDirectory(dir);
        var silent = Path.Combine(dir, "silence.wav");
        var tiny = Path.Combine(dir, "tiny.wav");
        var oneFrame = Path.Combine(dir, "one-frame.wav");
        await MakeSilenceAsync(silent, 2);
        await MakeSilenceAsync(tiny, 0.02);
        await MakeSilenceAsync(oneFrame, 0.06);

        var silentJob = await world.SubmitOkAsync(audio: await world.UploadAudioAsync(silent));
        var done = await world.WaitFinishedAsync(silentJob);
        Assert.True(done.State == GenerationJobState.Succeeded, done.Error);
        Assert.Equal(50, done.FramesTotal);

        // Under one 40 ms frame: refused by the library upload or at submit, with a reason either way, and no job.
        var upload = await world.Get<UploadAudio>().HandleAsync(new UploadRequest(world.Editor, world.Team, Copy(tiny), "tiny.wav", null, null), default);
        if (upload.Succeeded)
        {
            var refused = await world.SubmitAsync(audio: upload.Value!.Id);
            Assert.Equal("audio.too_short", refused.Code);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(upload.Message));
        }

        var one = await world.SubmitOkAsync(audio: await world.UploadAudioAsync(oneFrame));
        var oneDone = await world.WaitFinishedAsync(one);
        Assert.True(oneDone.State == GenerationJobState.Succeeded, oneDone.Error);
        Assert.Equal(1, oneDone.FramesTotal);
        Assert.Equal(0, world.TempEntries());
    }

    private string Copy(string path)
    {
        var temp = world.Get<BlobStore>().CreateTempFile(".wav");
        File.Copy(path, temp, overwrite: true);
        return temp;
    }

    private static Task MakeSilenceAsync(string path, double seconds) =>
        Inference.Imaging.MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", path], default);

    [Fact]
    public async Task TeamWatermark_OwnersSetIt_AndTheAdminSettingDecidesWhetherItMayBeEmpty()
    {
        var watermark = world.Get<TeamWatermark>();
        Assert.Equal(LibraryStatus.Forbidden, (await watermark.SaveAsync(world.Editor, world.Team, "x", WatermarkPosition.BottomLeft, null)).Status);
        Assert.Equal(LibraryStatus.NotFound, (await watermark.SaveAsync(world.Outsider, world.Team, "x", WatermarkPosition.BottomLeft, null)).Status);
        Assert.Equal("watermark.required", (await watermark.SaveAsync(world.Owner, world.Team, " ", WatermarkPosition.BottomLeft, null)).Code);
        Assert.True((await watermark.SaveAsync(world.Owner, world.Team, "Studio AI", WatermarkPosition.TopLeft, null)).Succeeded);
        Assert.Equal(new TeamWatermark.Value("Studio AI", WatermarkPosition.TopLeft), await watermark.GetAsync(world.Team));
        Assert.Equal(LibraryStatus.NotFound, (await world.Get<GenerationQueries>().JobsAsync(world.Outsider, world.Team)).Status);

        await world.Get<SiteSettings>().SetAsync(TeamWatermark.RequiredSetting, "false", world.Admin);
        try
        {
            var plain = await world.SubmitOkAsync(settings: new JobSettings { Seed = 5, Still = true, WatermarkText = "" });
            var marked = await world.SubmitOkAsync(settings: new JobSettings { Seed = 5, Still = true, WatermarkText = "Studio AI" });
            var (a, b) = (await world.WaitFinishedAsync(plain), await world.WaitFinishedAsync(marked));
            Assert.Equal((GenerationJobState.Succeeded, GenerationJobState.Succeeded), (a.State, b.State));
            // The text is burned into the frames: the same still render with and without it differs strongly in a patch of
            // pixels (the invisible watermark and encoding noise move a pixel by a few levels, the text by far more).
            var (plainFrame, markedFrame) = (await FirstFrameGreyAsync(a), await FirstFrameGreyAsync(b));
            var strong = plainFrame.Zip(markedFrame).Count(p => Math.Abs(p.First - p.Second) > 48);
            Assert.True(strong > 150, $"only {strong} pixels differ by more than 48 levels");
        }
        finally
        {
            await world.Get<SiteSettings>().SetAsync(TeamWatermark.RequiredSetting, "true", world.Admin);
        }

        Assert.Equal("watermark.required", (await world.SubmitAsync(settings: new JobSettings { WatermarkText = "" })).Code);
    }

    private async Task<byte[]> FirstFrameGreyAsync(GenerationJob job)
    {
        var path = world.Get<BlobStore>().PathOf(job.VideoSha256!);
        var frame = await Inference.Imaging.MediaTool.Ffmpeg.RunAsync(["-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"], default);
        Assert.Equal(job.Width!.Value * job.Height!.Value, frame.StandardOutput.Length);
        return frame.StandardOutput;
    }
}
