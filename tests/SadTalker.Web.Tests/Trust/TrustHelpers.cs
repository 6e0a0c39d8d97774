using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SadTalker.Inference.Imaging;
using SadTalker.Web.Data;
using SadTalker.Web.Storage;
using SadTalker.Web.Tests.Generation;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Trust;

/// <summary>Short finished jobs and uploads to /api/trust/verify for the trust tests.</summary>
internal static partial class TrustHelpers
{
    /// <summary>Submits a job on a 4 s clip (longer than one 2.88 s watermark period) and waits for its video.</summary>
    public static async Task<GenerationJob> FinishedJobAsync(GenerationWorld world, Guid shortAudio, Guid? portrait = null)
    {
        var id = await world.SubmitOkAsync(portrait: portrait, audio: shortAudio);
        var job = await world.WaitFinishedAsync(id, 180);
        Assert.True(job.State == GenerationJobState.Succeeded, job.Error);
        return job;
    }

    public static async Task<Guid> UploadShortAudioAsync(GenerationWorld world)
    {
        var path = Path.Combine(world.App.DataDir, "short.wav");
        await MediaTool.Ffmpeg.RunAsync(["-v", "error", "-i", RepoPaths.Fixture("speech-en-10s.wav"), "-t", "4", "-y", path], default);
        var id = await world.UploadAudioAsync(path);
        File.Delete(path);
        return id;
    }

    /// <summary>A copy of a job's stored video in a scratch folder, for tests that change it.</summary>
    public static string CopyVideo(GenerationWorld world, GenerationJob job, string name)
    {
        var dir = Directory.CreateDirectory(Path.Combine(world.App.DataDir, "trust-scratch")).FullName;
        var path = Path.Combine(dir, name);
        File.Copy(world.Get<BlobStore>().PathOf(job.VideoSha256!), path, overwrite: true);
        return path;
    }

    /// <summary>Posts a file to the verify endpoint as the given client (with the anti-forgery header).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> VerifyAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trust/verify");
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", Path.GetFileName(path));
        request.Content = form;
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
