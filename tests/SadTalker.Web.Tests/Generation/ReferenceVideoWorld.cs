using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Engines.StudioLite;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Runtime;
using SadTalker.Web.Hosting;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Generation;

/// <summary>
/// A <see cref="GenerationWorld"/> whose app also has the <see cref="ReferenceProbeEngine"/>, editor and outsider
/// clients that can post (anti-forgery header set), and reference videos made at test time with ffmpeg from the
/// astronaut fixture: a 2 s MP4 and a 3 s MOV.
/// </summary>
public sealed partial class ReferenceVideoWorld : IAsyncLifetime
{
    private readonly TempDir _files = new("reference-videos");

    public GenerationWorld World { get; } = new();

    public string BlinkMp4 => Path.Combine(_files.Path, "blink.mp4");

    public string PoseMov => Path.Combine(_files.Path, "pose.mov");

    public ReferenceProbeEngine Engine => World.Get<IEnumerable<ITalkingHeadEngine>>().OfType<ReferenceProbeEngine>().Single();

    public string BlobRoot => World.Get<BlobStore>().Root;

    public async Task InitializeAsync()
    {
        World.App.WithServices(services => services.AddSingleton<ITalkingHeadEngine>(sp =>
        {
            var models = sp.GetRequiredService<IOptions<InferenceOptions>>().Value.ModelsDir;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new ReferenceProbeEngine(new StudioLiteEngine(sp.GetRequiredService<SessionFactory>(), Path.GetFullPath(models, root)));
        }));
        await World.InitializeAsync();
        await AllowPostsAsync(World.EditorClient);
        await AllowPostsAsync(World.OutsiderClient);
        await MakeVideoAsync(BlinkMp4, 2, "libx264");
        await MakeVideoAsync(PoseMov, 3, "mpeg4");
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        _files.Dispose();
    }

    public string File(string name) => Path.Combine(_files.Path, name);

    /// <summary>A still-picture video of the astronaut, <paramref name="size"/> px square (vary it for distinct content).</summary>
    public static Task MakeVideoAsync(string path, double seconds, string codec, int fps = 25, int size = 128) =>
        MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-loop", "1", "-i", RepoPaths.Fixture("astronaut.png"), "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-r", fps.ToString(System.Globalization.CultureInfo.InvariantCulture), "-vf", $"scale={size}:{size},format=yuv420p", "-c:v", codec, "-y", path],
            CancellationToken.None);

    /// <summary>Posts <paramref name="path"/> to the reference-video endpoint as <paramref name="client"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string path, HttpClient? client = null, Guid? team = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await System.IO.File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", Path.GetFileName(path));
        return await (client ?? World.EditorClient).PostAsync($"/api/generation/reference-videos?team={team ?? World.Team}", form);
    }

    /// <summary>Uploads and returns the token; the upload must succeed.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var response = await UploadAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Files in the content-addressed store (its temp folder excluded).</summary>
    public List<string> StoredBlobs() =>
        Directory.EnumerateFiles(BlobRoot, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(World.Get<BlobStore>().TempDir, StringComparison.Ordinal)).ToList();

    public int TempFiles() => Directory.EnumerateFileSystemEntries(World.Get<BlobStore>().TempDir).Count();

    private static async Task AllowPostsAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        client.DefaultRequestHeaders.Remove("RequestVerificationToken");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
