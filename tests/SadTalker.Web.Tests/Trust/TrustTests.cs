using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Trust;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Hosting;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Trust;

/// <summary>Issue #7 in the web app, on the real worker, engine and ffmpeg: every job's video is marked and signed, and /api/trust/verify reads both back.</summary>
public sealed class TrustTests(TrustWorld trust, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<TrustWorld>
{
    private Generation.GenerationWorld World => trust.World;

    [Fact]
    public async Task JobOutput_CarriesItsPayload_AndAValidSignedManifest()
    {
        var job = trust.Job;
        var blobs = World.Get<BlobStore>();
        var video = blobs.PathOf(job.VideoSha256!);
        var payload = WatermarkPayload.FromJobId(job.Id);
        Assert.Equal(payload.Hex, job.WatermarkPayloadHex);

        var mark = await WatermarkDetector.DetectAsync(video, default);
        output.WriteLine($"{job.DurationSeconds:0.0} s job video: {mark.Summary}");
        Assert.True(mark.Found, mark.Summary);
        Assert.Equal(payload, mark.Payload);

        var key = World.Get<ProvenanceKey>();
        var verified = await ProvenanceVerifier.VerifyAsync(video, null, [key.PublicKeySpki], default);
        Assert.True(verified.Status == ProvenanceStatus.Valid, string.Join(" ", verified.Problems));
        Assert.True(verified.KeyTrusted);
        var manifest = verified.Record!.Manifest;
        var portrait = await World.App.QueryAsync(db => db.Portraits.FirstAsync(p => p.Id == job.PortraitId));
        var audio = await World.App.QueryAsync(db => db.AudioClips.FirstAsync(a => a.Id == job.AudioClipId));
        Assert.Equal(("SadTalker.Web", "studio-lite", "1.0.0"), (manifest.GeneratorName, manifest.EngineId, manifest.EngineVersion));
        Assert.Equal((portrait.ImageSha256, audio.PcmSha256), (manifest.PortraitSha256, manifest.AudioSha256));
        Assert.Equal((job.Id.ToString("D"), job.TeamId.ToString("D"), payload.Hex), (manifest.JobId, manifest.TeamId, manifest.WatermarkPayload));
        Assert.Equal((job.StartConsentRecordId!.Value.ToString("D"), "Approved"), (manifest.Consent!.RecordId, manifest.Consent.State));
        Assert.Equal(["Internal", "External"], manifest.Consent.PermittedUses);
        Assert.Equal("7", manifest.Options["seed"]);
        Assert.Matches("^[0-9a-f]{64}$", Assert.Single(manifest.ModelSha256).Value);

        // The sidecar is a blob of its own, served beside the video to members only; the key file is the owner's alone.
        var sidecar = await File.ReadAllTextAsync(blobs.PathOf(job.ProvenanceSha256!));
        Assert.Equal(verified.Record.Signature, SignedProvenance.Parse(sidecar).Signature);
        var download = await World.EditorClient.GetAsync($"/api/generation/videos/{job.Id}/provenance");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(sidecar, await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await World.OutsiderClient.GetAsync($"/api/generation/videos/{job.Id}/provenance")).StatusCode);
        var keyFile = Path.Combine(TrustExtensions.KeyFolder(World.App.DataDir), ProvenanceKeyStore.FileName);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal(key.PublicKeyPem, await World.OutsiderClient.GetStringAsync("/about/provenance/public-key.pem"));
    }

    [Fact]
    public async Task Verify_ShowsEachUserTheirLevelOfDetail_AndAudits()
    {
        var video = TrustHelpers.CopyVideo(World, trust.Job, "as-downloaded.mp4");
        var (status, member) = await TrustHelpers.VerifyAsync(World.EditorClient, video);
        Assert.True(status == HttpStatusCode.OK, member.ToString());
        Assert.Equal("authentic", member.GetProperty("verdict").GetString());
        Assert.Equal(trust.Job.WatermarkPayloadHex, member.GetProperty("watermarkPayload").GetString());
        var made = member.GetProperty("made");
        Assert.Equal(("Approved", "Approved"), (made.GetProperty("consentAtGeneration").GetString(), made.GetProperty("consentNow").GetString()));
        Assert.Equal(trust.Job.Id, made.GetProperty("detail").GetProperty("jobId").GetGuid());
        Assert.Equal(trust.Job.StartConsentRecordId, made.GetProperty("detail").GetProperty("consentRecordId").GetGuid());

        var (_, outsider) = await TrustHelpers.VerifyAsync(World.OutsiderClient, video);
        Assert.Equal("authentic", outsider.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, outsider.GetProperty("made").GetProperty("detail").ValueKind);
        Assert.DoesNotContain(trust.Job.Id.ToString(), outsider.ToString());
        Assert.DoesNotContain(trust.Job.PortraitName, outsider.ToString());

        var (_, admin) = await TrustHelpers.VerifyAsync(World.AdminClient, video);
        Assert.Equal(trust.Job.PortraitName, admin.GetProperty("made").GetProperty("detail").GetProperty("portraitName").GetString());

        var audits = await World.App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "trust.video.verified" && a.TargetId == trust.Job.Id.ToString()).CountAsync());
        Assert.True(audits >= 3, $"{audits} audit rows");
        Assert.Empty(Directory.EnumerateFileSystemEntries(World.Get<BlobStore>().TempDir)); // the uploads are deleted after each check
    }

    [Fact]
    public async Task Verify_RevokedConsent_ShowsRevokedBesideTheStateAtGeneration()
    {
        var portrait = await World.UploadPortraitAsync(RepoPaths.Fixture("astronaut.png"));
        var record = await World.ApproveConsentAsync(portrait);
        var job = await TrustHelpers.FinishedJobAsync(World, trust.ShortAudio, portrait);
        await World.ReviewAsync(World.Owner, record, ConsentAction.Revoke, "subject withdrew");

        var (_, body) = await TrustHelpers.VerifyAsync(World.EditorClient, TrustHelpers.CopyVideo(World, job, "revoked.mp4"));
        var made = body.GetProperty("made");
        Assert.Equal(("Approved", "Revoked"), (made.GetProperty("consentAtGeneration").GetString(), made.GetProperty("consentNow").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await World.EditorClient.GetAsync($"/api/generation/videos/{job.Id}/provenance")).StatusCode);
    }

    [Fact]
    public async Task Verify_OneChangedByte_IsReportedAsChanged_ButTheMarkStillLeadsToTheJob()
    {
        var video = TrustHelpers.CopyVideo(World, trust.Job, "changed.mp4");
        var bytes = await File.ReadAllBytesAsync(video);
        bytes[^2000] ^= 0x01; // inside mdat: the signed record sits in moov, moved to the front (faststart)
        await File.WriteAllBytesAsync(video, bytes);

        var (status, body) = await TrustHelpers.VerifyAsync(World.EditorClient, video);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("video_changed", body.GetProperty("verdict").GetString());
        Assert.Equal("Invalid", body.GetProperty("provenanceStatus").GetString());
        Assert.Contains("changed after", body.GetProperty("message").GetString());
        Assert.Equal(trust.Job.Id, body.GetProperty("made").GetProperty("detail").GetProperty("jobId").GetGuid());
    }

    [Fact]
    public async Task Verify_AlteredRecord_IsSignatureInvalid_AndAnotherKey_IsUnknown()
    {
        var blobs = World.Get<BlobStore>();
        var record = JsonNode.Parse(await File.ReadAllTextAsync(blobs.PathOf(trust.Job.ProvenanceSha256!)))!;
        record["statement"]!["manifest"]!["portraitSha256"] = new string('0', 64);
        var altered = TrustHelpers.CopyVideo(World, trust.Job, "altered-record.mp4");
        var remuxed = Path.ChangeExtension(altered, ".remux.mp4");
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-i", altered, "-map", "0", "-c", "copy", "-movflags", "use_metadata_tags+faststart",
             "-metadata", $"{SignedProvenance.MetadataKey}={record.ToJsonString()}", "-y", remuxed], default);
        var (_, forged) = await TrustHelpers.VerifyAsync(World.EditorClient, remuxed);
        Assert.Equal("signature_invalid", forged.GetProperty("verdict").GetString());
        Assert.Contains("signature is invalid", forged.GetProperty("message").GetString());

        var resigned = TrustHelpers.CopyVideo(World, trust.Job, "other-key.mp4");
        var manifest = (await ProvenanceVerifier.VerifyAsync(resigned, null, null, default)).Record!.Manifest;
        using (var other = ProvenanceKeyStore.LoadOrCreate(Path.Combine(World.App.DataDir, "trust-scratch", "other-key")))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ProvenanceSigner.SignAndEmbedAsync(resigned, manifest, other, default);
            output.WriteLine($"sign + embed of a {trust.Job.DurationSeconds:0.0} s video (the worker's finalizer step): {clock.ElapsedMilliseconds} ms");
        }

        var (_, unknown) = await TrustHelpers.VerifyAsync(World.EditorClient, resigned);
        Assert.Equal("unknown_key", unknown.GetProperty("verdict").GetString());
        Assert.False(unknown.GetProperty("keyTrusted").GetBoolean());
        Assert.Equal(trust.Job.Id, unknown.GetProperty("made").GetProperty("detail").GetProperty("jobId").GetGuid()); // the watermark still leads home
    }

    [Fact]
    public async Task Verify_ReencodedWithoutMetadata_FindsTheJobByWatermarkOnly()
    {
        var source = TrustHelpers.CopyVideo(World, trust.Job, "shared.mp4");
        var reencoded = Path.ChangeExtension(source, ".reencoded.mp4");
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-i", source, "-map_metadata", "-1", "-vf", "scale=384:384", "-c:v", "libx264", "-crf", "26", "-preset", "veryfast", "-c:a", "copy", "-y", reencoded], default);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, body) = await TrustHelpers.VerifyAsync(World.OutsiderClient, reencoded);
        output.WriteLine($"verify of a {trust.Job.DurationSeconds:0.0} s re-encoded video over HTTP: {clock.ElapsedMilliseconds} ms; {body.GetProperty("watermarkSummary")}");
        Assert.Equal("watermark_only", body.GetProperty("verdict").GetString());
        Assert.Equal("NoManifest", body.GetProperty("provenanceStatus").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("made").GetProperty("detail").ValueKind);
        Assert.Equal("Approved", body.GetProperty("made").GetProperty("consentAtGeneration").GetString());
    }

    [Fact]
    public async Task Verify_CleanVideo_HasNoWatermark_AndAFileThatIsNoVideo_IsRefusedClearly()
    {
        var dir = Directory.CreateDirectory(Path.Combine(World.App.DataDir, "trust-scratch")).FullName;
        var clean = Path.Combine(dir, "clean.mp4");
        await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-loop", "1", "-i", RepoPaths.Fixture("astronaut.png"), "-i", RepoPaths.Fixture("speech-en-10s.wav"), "-t", "4",
             "-vf", "scale=256:256", "-r", "25", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-y", clean], default);
        var (status, body) = await TrustHelpers.VerifyAsync(World.OutsiderClient, clean);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("not_found", body.GetProperty("verdict").GetString());
        Assert.False(body.GetProperty("watermarkFound").GetBoolean());
        Assert.Equal("NoManifest", body.GetProperty("provenanceStatus").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("made").ValueKind);

        var text = Path.Combine(dir, "notes.mp4");
        await File.WriteAllTextAsync(text, "not a video");
        var (refused, error) = await TrustHelpers.VerifyAsync(World.OutsiderClient, text);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("verify.unreadable", error.GetProperty("code").GetString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(World.Get<BlobStore>().TempDir));
    }
}
