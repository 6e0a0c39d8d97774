using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Inference.Imaging;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;
using SadTalker.Web.Tests.Teams;

namespace SadTalker.Web.Tests.Generation;

/// <summary>
/// One app with the real worker (concurrency 1), a team "Studio" (owner, editor, viewer), an outsider and the site
/// Admin, the fixtures uploaded through the library use cases and consent approved through the consent use cases.
/// </summary>
public sealed class GenerationWorld : IAsyncLifetime
{
    public TeamsApp App { get; } = new();

    public string Admin { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public string Editor { get; private set; } = "";
    public string Viewer { get; private set; } = "";
    public string Outsider { get; private set; } = "";
    public HttpClient AdminClient { get; private set; } = null!;
    public HttpClient EditorClient { get; private set; } = null!;
    public HttpClient OutsiderClient { get; private set; } = null!;
    public Guid Team { get; private set; }
    public Guid Portrait { get; private set; }
    public Guid Speech { get; private set; }

    /// <summary>About 66 s of speech: long enough to be mid-render when a test acts.</summary>
    public Guid LongSpeech { get; private set; }

    public async Task InitializeAsync()
    {
        (AdminClient, Admin) = await App.RegisterAsync("admin@example.test");
        Owner = (await App.RegisterAsync("owner@example.test")).UserId;
        (EditorClient, Editor) = await App.RegisterAsync("editor@example.test");
        Viewer = (await App.RegisterAsync("viewer@example.test")).UserId;
        (OutsiderClient, Outsider) = await App.RegisterAsync("outsider@example.test");
        Team = await App.CreateTeamAsync(Owner, "Studio");
        await App.AddMemberAsync(Team, Owner, Editor, TeamRole.Editor);
        await App.AddMemberAsync(Team, Owner, Viewer, TeamRole.Viewer);
        Portrait = await UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"));
        await ApproveConsentAsync(Portrait);
        Speech = await UploadAudioAsync(RepoPaths.Fixture("speech-en-10s.wav"));
        var looped = Path.Combine(App.DataDir, "long.wav");
        await MediaTool.Ffmpeg.RunAsync(["-v", "error", "-stream_loop", "5", "-i", RepoPaths.Fixture("speech-en-10s.wav"), "-c", "copy", "-y", looped], default);
        LongSpeech = await UploadAudioAsync(looped);
        File.Delete(looped);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => App.Get<T>();

    public async Task<Guid> UploadPortraitAsync(string path, Guid? team = null, string? user = null)
    {
        var result = await Get<UploadPortrait>().HandleAsync(Request(path, team, user), default);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.Id;
    }

    public async Task<Guid> UploadAudioAsync(string path, Guid? team = null, string? user = null)
    {
        var result = await Get<UploadAudio>().HandleAsync(Request(path, team, user), default);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.Id;
    }

    private UploadRequest Request(string path, Guid? team, string? user)
    {
        var temp = Get<BlobStore>().CreateTempFile(Path.GetExtension(path));
        File.Copy(path, temp, overwrite: true);
        return new UploadRequest(user ?? Editor, team ?? Team, temp, Path.GetFileName(path), null, null);
    }

    /// <summary>Editor submits, the site Admin approves (four eyes), as the consent feature requires.</summary>
    public async Task<Guid> ApproveConsentAsync(Guid portraitId, string? submitter = null)
    {
        var submitted = await Get<SubmitConsent>().HandleAsync(new(
            submitter ?? Editor, portraitId, false, "Eileen Collins", null, ConsentRelationship.Colleague, null,
            PermittedUse.Internal | PermittedUse.External, null, null, null, ConsentAttestations.Wordings.Keys.ToList(), "127.0.0.1"));
        Assert.True(submitted.Succeeded, submitted.Message);
        await ReviewAsync(Admin, submitted.Value, ConsentAction.Approve, null);
        return submitted.Value;
    }

    public async Task ReviewAsync(string user, Guid record, ConsentAction action, string? reason)
    {
        using var scope = App.Services.CreateScope();
        var reviewed = await scope.ServiceProvider.GetRequiredService<ReviewConsent>().HandleAsync(new(user, record, action, reason, "127.0.0.1"));
        Assert.True(reviewed.Succeeded, reviewed.Message);
    }

    public Task<LibraryResult<SubmitGeneration.Submitted>> SubmitAsync(
        Guid? portrait = null, Guid? audio = null, JobSettings? settings = null, string? user = null, Guid? team = null, PermittedUse use = PermittedUse.Internal) =>
        Get<SubmitGeneration>().HandleAsync(new(
            user ?? Editor, team ?? Team, portrait ?? Portrait, audio ?? Speech, "studio-lite",
            settings ?? new JobSettings { Seed = 7, WatermarkText = "AI-generated" }, use, "127.0.0.1"));

    public async Task<Guid> SubmitOkAsync(Guid? portrait = null, Guid? audio = null, JobSettings? settings = null)
    {
        var result = await SubmitAsync(portrait, audio, settings);
        Assert.True(result.Succeeded, $"{result.Code}: {result.Message}");
        return result.Value!.JobId;
    }

    public Task<GenerationJob> JobAsync(Guid id) => App.QueryAsync(db => db.GenerationJobs.AsNoTracking().FirstAsync(j => j.Id == id));

    /// <summary>Polls the job row until <paramref name="done"/> holds.</summary>
    public async Task<GenerationJob> WaitAsync(Guid id, Func<GenerationJob, bool> done, double seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await JobAsync(id);
            if (done(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} still {job.State} ({job.Stage}, {job.Percent} %) after {seconds} s.");
            await Task.Delay(100);
        }
    }

    public Task<GenerationJob> WaitFinishedAsync(Guid id, double seconds = 120) =>
        WaitAsync(id, j => j.State is GenerationJobState.Succeeded or GenerationJobState.Failed or GenerationJobState.Cancelled, seconds);

    /// <summary>Entries in the job temp root (the worker's folders must be gone once jobs end).</summary>
    public int TempEntries()
    {
        var root = Path.Combine(App.DataDir, "jobs-tmp");
        return Directory.Exists(root) ? Directory.EnumerateFileSystemEntries(root).Count() : 0;
    }

    public Task<List<string>> AuditAsync(Guid jobId) =>
        App.QueryAsync(db => db.AuditEntries.Where(a => a.TargetId == jobId.ToString()).OrderBy(a => a.TimeUtc).Select(a => a.Action).ToListAsync());
}
