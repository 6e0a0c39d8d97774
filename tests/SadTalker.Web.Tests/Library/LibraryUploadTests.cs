using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Library;

/// <summary>Uploads end to end over HTTP: good files are processed and deduplicated; every bad input gets a specific message and leaves nothing behind.</summary>
public sealed class LibraryUploadTests(LibraryUploadTests.World world) : IClassFixture<LibraryUploadTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        public LibraryWorld Value { get; private set; } = default!;

        public async Task InitializeAsync() => Value = await LibraryWorld.CreateAsync();

        public Task DisposeAsync()
        {
            Value.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string, string, string, string> BadInputs() => new()
    {
        // kind, generator, file name, expected code
        { "portraits", "truncated-png", "astronaut.png", "image.truncated" },
        { "portraits", "wav-as-png", "speech.png", "image.unsupported_format" },
        { "portraits", "empty", "empty.png", "image.empty" },
        { "portraits", "huge-declared-png", "flood.png", "image.too_many_pixels" },
        { "portraits", "astronaut", "../../etc/passwd.png", "file.name_invalid" },
        { "portraits", "astronaut", "evil\u0007name.png", "file.name_invalid" },
        { "audio", "empty", "empty.wav", "audio.empty" },
        { "audio", "png-as-wav", "photo.wav", "audio.unsupported" },
        { "audio", "video-without-audio", "silent.mp4", "audio.no_audio_stream" },
        { "audio", "speech", "..\\speech.wav", "file.name_invalid" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_GetsASpecificMessage_AndNothingIsStored(string kind, string generator, string fileName, string code)
    {
        var before = await world.Value.CountStoredAsync();
        var response = await world.Value.UploadAsync("editor", kind, await MakeAsync(generator), fileName);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        Assert.Equal(before, await world.Value.CountStoredAsync());
        Assert.Equal(0, world.Value.TempEntries());
    }

    [Fact]
    public async Task TwoGigabyteUpload_IsRefusedByItsDeclaredSize_WithoutReadingIt()
    {
        var before = await world.Value.CountStoredAsync();
        var content = new DeclaredLengthContent(2L * 1024 * 1024 * 1024);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        var response = await world.Value["editor"].PostAsync($"/api/library/portraits?team={world.Value.TeamId}", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 20 MB limit", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(before, await world.Value.CountStoredAsync());
    }

    [Fact]
    public async Task FileOverTheLimit_WithoutADeclaredLength_IsStoppedMidStream()
    {
        var before = await world.Value.CountStoredAsync();
        var response = await world.Value.UploadAsync("editor", "portraits", new byte[21 * 1024 * 1024], "big.png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await world.Value.CountStoredAsync());
        Assert.Equal(0, world.Value.TempEntries());
    }

    [Fact]
    public async Task GoodFiles_AreProcessed_IdenticalContentIsStoredOnce_AndDeletionRemovesUnsharedFiles()
    {
        var before = await world.Value.CountStoredAsync();
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("astronaut.png"));
        var first = await world.Value.UploadAsync("editor", "portraits", bytes, "astronaut.png", tags: "crew, NASA");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var json = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("astronaut", json.GetProperty("name").GetString());
        Assert.Equal("Ok", json.GetProperty("faceVerdict").GetString());
        Assert.Equal(1, json.GetProperty("faceCount").GetInt32());
        Assert.Equal(512, json.GetProperty("width").GetInt32());
        var afterFirst = await world.Value.CountStoredAsync();
        Assert.Equal(before.Blobs + 3, afterFirst.Blobs);

        var second = await world.Value.UploadAsync("editor", "portraits", bytes, "copy.png");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var afterSecond = await world.Value.CountStoredAsync();
        Assert.Equal(afterFirst.Portraits + 1, afterSecond.Portraits);
        Assert.Equal(afterFirst.Blobs, afterSecond.Blobs); // same original, PNG and thumbnail: stored once

        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await world.Value["editor"].DeleteAsync($"/api/library/portraits/{secondId}")).StatusCode);
        Assert.Equal(afterFirst.Blobs, (await world.Value.CountStoredAsync()).Blobs); // still used by the first

        var firstId = json.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await world.Value["owner"].DeleteAsync($"/api/library/portraits/{firstId}")).StatusCode);
        Assert.Equal(before, await world.Value.CountStoredAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await world.Value["owner"].GetAsync($"/api/library/portraits/{firstId}")).StatusCode);
    }

    [Fact]
    public async Task Mp3_IsProbedDecodedAndMadePlayable()
    {
        var response = await world.Value.UploadAsync("editor", "audio", File.ReadAllBytes(RepoPaths.Fixture("speech-en-10s.mp3")), "speech-en-10s.mp3");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(json.GetProperty("durationSeconds").GetDouble(), 10.9, 11.3);
        Assert.Equal(44100, json.GetProperty("sampleRate").GetInt32());
        Assert.Equal(2, json.GetProperty("channels").GetInt32());
        var id = json.GetProperty("id").GetGuid();
        var pcm = await world.Value["viewer"].GetByteArrayAsync($"/api/library/audio/{id}/files/pcm");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(pcm, 0, 4));
        Assert.Equal(16000, BitConverter.ToInt32(pcm, 24));
        Assert.Equal(1, BitConverter.ToInt16(pcm, 22));
        var waveform = await world.Value["viewer"].GetByteArrayAsync($"/api/library/audio/{id}/files/waveform");
        Assert.Equal(0x89, waveform[0]);
    }

    [Fact]
    public async Task List_SearchesByNameAndTag_AndSorts()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("chelsea.png"));
        await world.Value.UploadAsync("editor", "portraits", bytes, "zebra-cat.png", tags: "animals");
        await world.Value.UploadAsync("editor", "portraits", File.ReadAllBytes(RepoPaths.Fixture("coffee.png")), "aardvark-cup.png", tags: "objects");
        var client = world.Value["viewer"];
        var byName = await client.GetFromJsonAsync<JsonElement>($"/api/library/portraits?team={world.Value.TeamId}&search=zebra");
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
        var byTag = await client.GetFromJsonAsync<JsonElement>($"/api/library/portraits?team={world.Value.TeamId}&tag=objects");
        Assert.Equal("aardvark-cup", byTag.GetProperty("items")[0].GetProperty("name").GetString());
        var sorted = await client.GetFromJsonAsync<JsonElement>($"/api/library/portraits?team={world.Value.TeamId}&sort=NameAscending");
        var names = sorted.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase).ToList(), names);
    }

    private static async Task<byte[]> MakeAsync(string generator)
    {
        switch (generator)
        {
            case "astronaut":
                return File.ReadAllBytes(RepoPaths.Fixture("astronaut.png"));
            case "speech":
                return File.ReadAllBytes(RepoPaths.Fixture("speech-en-short.wav"));
            case "truncated-png":
                var png = File.ReadAllBytes(RepoPaths.Fixture("astronaut.png"));
                return png[..(png.Length / 3)];
            case "wav-as-png":
                return File.ReadAllBytes(RepoPaths.Fixture("speech-en-short.wav"));
            case "png-as-wav":
                return File.ReadAllBytes(RepoPaths.Fixture("coffee.png"));
            case "empty":
                return [];
            case "huge-declared-png":
                return PngWithDeclaredSize(50_000, 50_000);
            case "video-without-audio":
                using (var dir = new TempDir())
                {
                    var path = Path.Combine(dir.Path, "v.mp4");
                    var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10:duration=1", "-pix_fmt", "yuv420p", path]))!;
                    await ffmpeg.WaitForExitAsync();
                    return File.ReadAllBytes(path);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(generator));
        }
    }

    /// <summary>A PNG signature and IHDR claiming width x height, followed by nothing: a pixel flood that must be refused before decoding.</summary>
    private static byte[] PngWithDeclaredSize(int width, int height)
    {
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        var chunk = new List<byte>();
        chunk.AddRange([0, 0, 0, 13]);
        chunk.AddRange("IHDR"u8.ToArray());
        chunk.AddRange(ihdr);
        var crc = Crc32([.. "IHDR"u8.ToArray(), .. ihdr]);
        chunk.AddRange([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
        return [137, 80, 78, 71, 13, 10, 26, 10, .. chunk];
    }

    /// <summary>PNG chunk CRC (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Claims a length it never sends: the server must refuse on the header alone.</summary>
    private sealed class DeclaredLengthContent(long length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => Task.CompletedTask;

        protected override bool TryComputeLength(out long value)
        {
            value = length;
            return true;
        }
    }
}
