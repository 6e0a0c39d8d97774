using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Consent;

/// <summary>Evidence files: typed by content (not name), stored in the blob store with the record, served only to the team and Admins; bad files leave nothing.</summary>
public sealed class EvidenceTests : IAsyncLifetime
{
    private readonly ConsentWorld _w = new();

    public Task InitializeAsync() => _w.InitializeAsync();

    public Task DisposeAsync() => _w.DisposeAsync();

    [Fact]
    public async Task Submit_TypesEvidenceByContent_AndStoresItWithTheRecord()
    {
        var png = await File.ReadAllBytesAsync(RepoPaths.Fixture("astronaut.png"));
        var wav = await File.ReadAllBytesAsync(RepoPaths.Fixture("speech-en-10s.wav"));
        var mp4 = await MakeVideoAsync();
        var result = await _w.SubmitAsync(_w.Valid("editor",
            (TestPdf.Minimal(), "release.pdf"), (png, "photo-id.pdf"), (wav, "statement.bin"), (mp4, "recording.mp4")));
        Assert.True(result.Succeeded, result.Message);

        await using var db = await _w.DbAsync();
        var evidence = await db.ConsentEvidence.Where(e => e.ConsentRecordId == result.Value).ToDictionaryAsync(e => e.FileName);
        Assert.Equal((EvidenceKind.Pdf, "application/pdf"), (evidence["release.pdf"].Kind, evidence["release.pdf"].ContentType));
        Assert.NotNull(evidence["release.pdf"].PreviewSha256);
        Assert.Equal((EvidenceKind.Image, "image/png"), (evidence["photo-id.pdf"].Kind, evidence["photo-id.pdf"].ContentType));
        Assert.Equal((EvidenceKind.Audio, "audio/wav"), (evidence["statement.bin"].Kind, evidence["statement.bin"].ContentType));
        Assert.Equal((EvidenceKind.Video, "video/mp4"), (evidence["recording.mp4"].Kind, evidence["recording.mp4"].ContentType));
        Assert.Equal(png.Length, evidence["photo-id.pdf"].ByteCount);
        Assert.All(evidence.Values, e => Assert.Equal(_w.Id("editor"), e.UploadedByUserId));
        var audit = await db.AuditEntries.SingleAsync(a => a.TargetId == result.Value.ToString());
        Assert.Contains("release.pdf", audit.DetailJson);

        // The PNG is the portrait's own blob (stored once); the others and the PDF preview are new; no temp file is left.
        Assert.Equal((1 + 4, 0), _w.CountBlobs());
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "text", "notes.pdf", EvidenceIntake.Unsupported },
        { "gif", "photo.png", EvidenceIntake.Unsupported },
        { "empty", "empty.pdf", EvidenceIntake.Empty },
        { "damaged-pdf", "release.pdf", EvidenceIntake.PdfUnreadable },
        { "too-large", "huge.mp4", EvidenceIntake.TooLarge },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Submit_RefusesBadEvidence_AndSavesNothing(string kind, string name, string code)
    {
        var before = _w.CountBlobs();
        var upload = _w.Stage((kind switch
        {
            "text" => "just some notes, not a release"u8.ToArray(),
            "gif" => "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray(),
            "empty" => [],
            "damaged-pdf" => "%PDF-1.4 this is not really a PDF"u8.ToArray(),
            _ => [],
        }, name));
        if (kind == "too-large")
        {
            await using var stream = File.OpenWrite(upload.TempFile);
            stream.SetLength(EvidenceIntake.MaxBytes + 1);
        }

        var request = _w.Valid("editor") with { Evidence = [_w.Stage((TestPdf.Minimal(), "good.pdf")), upload] };
        var result = await _w.SubmitAsync(request);

        Assert.Equal(LibraryStatus.Invalid, result.Status);
        Assert.Equal(code, result.Code);
        Assert.Contains(name, result.Message);
        await using var db = await _w.DbAsync();
        Assert.Equal(0, await db.ConsentRecords.CountAsync());
        Assert.Equal(0, await db.ConsentEvidence.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action.StartsWith("consent.")));
        Assert.Equal(before, _w.CountBlobs());
    }

    [Fact]
    public async Task Submit_WithGoodEvidenceButBadFields_SavesNoRowAndNoBlob()
    {
        var before = _w.CountBlobs();
        var result = await _w.SubmitAsync(_w.Valid("editor", (TestPdf.Minimal(), "release.pdf")) with { Uses = PermittedUse.None });
        Assert.Equal("uses_required", result.Code);
        Assert.Equal(before, _w.CountBlobs());
    }

    [Fact]
    public async Task EvidenceDownload_ForTeamAndAdmins_NotFoundForOthers()
    {
        var id = (await _w.SubmitAsync(_w.Valid("editor", (TestPdf.Minimal(), "release \"signed\".pdf")))).Value;
        Guid evidenceId;
        await using (var db = await _w.DbAsync())
        {
            evidenceId = await db.ConsentEvidence.Where(e => e.ConsentRecordId == id).Select(e => e.Id).SingleAsync();
        }

        foreach (var who in new[] { "viewer", "owner", "admin" })
        {
            var file = await _w.Client(who).GetAsync($"/api/consent/evidence/{evidenceId}?download=true");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Contains("signed", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(TestPdf.Minimal(), await file.Content.ReadAsByteArrayAsync());

            var preview = await _w.Client(who).GetAsync($"/api/consent/evidence/{evidenceId}/preview");
            Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
            Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(HttpStatusCode.OK, (await _w.Client(who).GetAsync($"/api/consent/records/{id}/portrait")).StatusCode);
        }

        foreach (var url in new[] { $"/api/consent/evidence/{evidenceId}", $"/api/consent/evidence/{evidenceId}/preview", $"/api/consent/records/{id}/portrait", $"/consent/{id}", $"/admin/consent/{id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _w.Client("outsider").GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task WithoutPdftoppm_PdfsAreKeptWithoutPreview()
    {
        var intake = new EvidenceIntake(new PdfPreview("pdftoppm-not-installed"));
        var upload = _w.Stage((TestPdf.Minimal(), "release.pdf"));
        var work = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var result = await intake.ProcessAsync(upload.TempFile, upload.FileName, work, default);
            Assert.Equal(EvidenceKind.Pdf, result.Kind);
            Assert.Null(result.PreviewPath);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            File.Delete(upload.TempFile);
        }
    }

    [Fact]
    public async Task DeletingThePortrait_RemovesItsEvidenceBlobs()
    {
        Assert.True((await _w.SubmitAsync(_w.Valid("editor", (TestPdf.Minimal(), "release.pdf")))).Succeeded);
        Assert.Equal((3, 0), _w.CountBlobs());
        Assert.True((await _w.App.Get<LibraryItems>().DeleteAsync(_w.Id("owner"), MediaKind.Portrait, _w.Portrait, default)).Succeeded);
        Assert.Equal((0, 0), _w.CountBlobs());
    }

    [Fact]
    public async Task DeletingTheTeam_RemovesEvidenceBlobs_AndIsAudited()
    {
        Assert.True((await _w.SubmitAsync(_w.Valid("editor", (TestPdf.Minimal(), "release.pdf")))).Succeeded);
        Assert.True((await _w.App.Get<SadTalker.Web.Features.Teams.DeleteTeam>().HandleAsync(new(_w.Id("owner"), _w.Team))).Succeeded);
        Assert.Equal((0, 0), _w.CountBlobs());
        await using var db = await _w.DbAsync();
        Assert.Equal(0, await db.ConsentEvidence.CountAsync());
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "team.deleted" && a.TeamId == _w.Team).ToListAsync());
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "consent.record.submitted").ToListAsync());
    }

    private static async Task<byte[]> MakeVideoAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.mp4");
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10", "-t", "1", "-c:v", "mpeg4", path])
        {
            RedirectStandardError = true,
        })!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
