using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SadTalker.Web.Data;
using SadTalker.Web.Features.Consent;
using SadTalker.Web.Features.Library;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;
using SadTalker.Web.Tests.Teams;

namespace SadTalker.Web.Tests.Consent;

/// <summary>
/// The app with a hand-moved clock, a team "Studio" (owner, editor, viewer), a site Admin and an outsider, each with
/// a signed-in client, and a portrait whose image is a real stored blob (astronaut.png).
/// </summary>
public sealed class ConsentWorld : IAsyncLifetime
{
    public TeamsApp App { get; } = new();

    public Dictionary<string, (HttpClient Client, string Id)> People { get; } = new();

    public Guid Team { get; private set; }

    public Guid Portrait { get; private set; }

    public string Id(string who) => People[who].Id;

    public HttpClient Client(string who) => People[who].Client;

    public async Task InitializeAsync()
    {
        // The first account becomes the site Admin.
        foreach (var who in new[] { "admin", "owner", "editor", "viewer", "outsider" })
        {
            People[who] = await App.RegisterAsync($"{who}@example.test");
        }

        Team = await App.CreateTeamAsync(Id("owner"), "Studio");
        await App.AddMemberAsync(Team, Id("owner"), Id("editor"), TeamRole.Editor);
        await App.AddMemberAsync(Team, Id("owner"), Id("viewer"), TeamRole.Viewer);
        var blobs = App.Get<BlobStore>();
        var temp = blobs.CreateTempFile(".png");
        File.Copy(RepoPaths.Fixture("astronaut.png"), temp, overwrite: true);
        var image = await blobs.PutFileAsync(temp);
        Portrait = Guid.NewGuid();
        await using var db = await DbAsync();
        db.Portraits.Add(new Portrait
        {
            Id = Portrait, TeamId = Team, Name = "astronaut", CreatedByUserId = Id("editor"), OriginalFileName = "astronaut.png",
            OriginalFormat = "png", OriginalSha256 = image.Sha256, ImageSha256 = image.Sha256, ThumbnailSha256 = image.Sha256,
            Width = 512, Height = 512, FaceVerdict = "Ok", FaceMessage = "",
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public Task<AppDbContext> DbAsync() => App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public SubmitConsent.Request Valid(string who, params (byte[] Bytes, string Name)[] evidence) => new(
        Id(who), Portrait, false, "Ada Lovelace", "ada@example.test", ConsentRelationship.Colleague, null, PermittedUse.Internal,
        null, null, "Signed in person", ConsentAttestations.Wordings.Keys.ToList(), "10.0.0.1", evidence.Select(Stage).ToList());

    /// <summary>Writes bytes to a server-named temp file, as the form does with an uploaded file.</summary>
    public EvidenceUpload Stage((byte[] Bytes, string Name) file)
    {
        var temp = App.Get<BlobStore>().CreateTempFile();
        File.WriteAllBytes(temp, file.Bytes);
        return new EvidenceUpload(temp, file.Name);
    }

    public Task<LibraryResult<Guid>> SubmitAsync(SubmitConsent.Request request) => App.Get<SubmitConsent>().HandleAsync(request);

    public async Task<LibraryResult<ConsentState>> ReviewAsync(string who, Guid id, ConsentAction action, string? reason = null)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewConsent>().HandleAsync(new(Id(who), id, action, reason, "10.0.0.2"));
    }

    /// <summary>Files in the blob store outside its temp folder, and entries left in the temp folder.</summary>
    public (int Stored, int Temp) CountBlobs()
    {
        var root = App.Get<BlobStore>().Root;
        var tmp = Path.Combine(root, "tmp");
        return (Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count(f => !f.StartsWith(tmp, StringComparison.Ordinal)),
            Directory.EnumerateFileSystemEntries(tmp).Count());
    }
}
