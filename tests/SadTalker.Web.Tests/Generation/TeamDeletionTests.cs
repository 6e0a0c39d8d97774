using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Generation;
using SadTalker.Web.Features.Teams;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>Deleting a team with videos: refused while a job is queued or running, then removes the video, thumbnail and sidecar files.</summary>
public sealed class TeamDeletionTests(GenerationWorld world) : IClassFixture<GenerationWorld>
{
    [Fact]
    public async Task DeleteTeam_RefusedWhileJobsActive_ThenRemovesVideosAndThumbnails()
    {
        var doomed = await world.App.CreateTeamAsync(world.Outsider, "Doomed");
        var portrait = await world.UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"), doomed, world.Outsider);
        var audio = await world.UploadAudioAsync(RepoPaths.Fixture("speech-en-short.wav"), doomed, world.Outsider);
        await world.ApproveConsentAsync(portrait, world.Outsider);
        var settings = new JobSettings { Seed = 4242, WatermarkText = "Doomed team" };

        var submitted = await world.SubmitAsync(portrait, audio, settings, world.Outsider, doomed);
        Assert.True(submitted.Succeeded, submitted.Message);
        var refused = await world.Get<DeleteTeam>().HandleAsync(new(world.Outsider, doomed));
        Assert.False(refused.Succeeded);
        Assert.Contains("queued or running", refused.Error);

        var job = await world.WaitFinishedAsync(submitted.Value!.JobId);
        Assert.Equal(GenerationJobState.Succeeded, job.State);
        var blobs = world.Get<BlobStore>();
        var files = job.BlobHashes.Select(blobs.PathOf).ToList();
        Assert.Equal(3, files.Count); // video, thumbnail, provenance sidecar
        Assert.All(files, f => Assert.True(File.Exists(f), f));

        Assert.True((await world.Get<DeleteTeam>().HandleAsync(new(world.Outsider, doomed))).Succeeded);
        Assert.All(files, f => Assert.False(File.Exists(f), $"{f} outlived its team"));
        Assert.Equal(0, await world.App.QueryAsync(db => db.GenerationJobs.CountAsync(j => j.TeamId == doomed)));
    }
}
