using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using SadTalker.Inference.Tests.Intake;
using SadTalker.Inference.Tests.Support;
using SadTalker.Inference.Trust;

namespace SadTalker.Inference.Tests.Trust;

/// <summary>Sign, embed (real ffmpeg remux), read back and verify; tampering with the video or the record.</summary>
public sealed class ProvenanceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task VerifyAsync_SignedVideo_ValidTrustedAndPacketsUnchanged()
    {
        var video = await VideoAsync("signed.mp4");
        var before = await MediaHash.ComputeAsync(video, CancellationToken.None);
        using var key = ProvenanceKeyStore.LoadOrCreate(_temp.File("keys"));

        var record = await ProvenanceSigner.SignAndEmbedAsync(video, Manifest(), key, CancellationToken.None);
        var result = await ProvenanceVerifier.VerifyAsync(video, null, [key.PublicKeySpki], CancellationToken.None);

        Assert.Equal(before, await MediaHash.ComputeAsync(video, CancellationToken.None));
        Assert.Equal(ProvenanceStatus.Valid, result.Status);
        Assert.Equal("mp4 metadata", result.Source);
        Assert.True(result.SignatureValid && result.MediaMatches && result.KeyTrusted == true, string.Join(" ", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(
            CanonicalJson.SerializeToString(CanonicalJson.ToNode(record.Manifest)),
            CanonicalJson.SerializeToString(CanonicalJson.ToNode(result.Record!.Manifest)));
        Assert.Equal(["personal-use", "marketing"], result.Record.Manifest.Consent!.PermittedUses);
        Assert.Equal(ProvenanceManifest.TrainedAlgorithmicMedia, result.Record.Manifest.DigitalSourceType);
        Assert.True(File.Exists(ProvenanceSigner.SidecarPath(video)));
    }

    [Fact]
    public async Task VerifyAsync_OneByteOfTheVideoChanged_InvalidContent()
    {
        var video = await VideoAsync("tampered.mp4");
        using var key = ProvenanceKeyStore.LoadOrCreate(_temp.File("keys"));
        await ProvenanceSigner.SignAndEmbedAsync(video, Manifest(), key, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(video);
        var mdat = Mp4Boxes.TopLevel(video).Single(b => b.Type == "mdat");
        var i = (int)(mdat.Offset + (mdat.Size / 2));
        bytes[i] ^= 0x01;
        await File.WriteAllBytesAsync(video, bytes);
        var result = await ProvenanceVerifier.VerifyAsync(video, null, [key.PublicKeySpki], CancellationToken.None);

        Assert.Equal(ProvenanceStatus.Invalid, result.Status);
        Assert.True(result.SignatureValid);
        Assert.False(result.MediaMatches);
        Assert.Contains(result.Problems, p => p.Contains("changed after signing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_ManifestEditedInTheSidecar_SignatureInvalid()
    {
        var video = await VideoAsync("sidecar.mp4");
        using var key = ProvenanceKeyStore.LoadOrCreate(_temp.File("keys"));
        await ProvenanceSigner.SignAndEmbedAsync(video, Manifest(), key, CancellationToken.None);
        var plain = _temp.File("plain.mp4");
        await TestMedia.FfmpegAsync("-i", video, "-map", "0", "-c", "copy", "-map_metadata", "-1", plain);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(ProvenanceSigner.SidecarPath(video)))!;
        json["statement"]!["manifest"]!["consent"]!["state"] = "Approved-by-nobody";
        var edited = _temp.File("edited.json");
        await File.WriteAllTextAsync(edited, json.ToJsonString());

        var fromSidecar = await ProvenanceVerifier.VerifyAsync(plain, ProvenanceSigner.SidecarPath(video), null, CancellationToken.None);
        var fromEdited = await ProvenanceVerifier.VerifyAsync(plain, edited, null, CancellationToken.None);

        Assert.Equal(ProvenanceStatus.Valid, fromSidecar.Status);
        Assert.Null(fromSidecar.KeyTrusted);
        Assert.Equal(ProvenanceStatus.Invalid, fromEdited.Status);
        Assert.False(fromEdited.SignatureValid);
        Assert.True(fromEdited.MediaMatches);
    }

    [Fact]
    public async Task VerifyAsync_AnotherInstallationsKey_ValidButNotTrusted()
    {
        var video = await VideoAsync("other.mp4");
        using var ours = ProvenanceKeyStore.LoadOrCreate(_temp.File("ours"));
        using var theirs = ProvenanceKeyStore.LoadOrCreate(_temp.File("theirs"));
        await ProvenanceSigner.SignAndEmbedAsync(video, Manifest(), theirs, CancellationToken.None);

        var result = await ProvenanceVerifier.VerifyAsync(video, null, [ours.PublicKeySpki], CancellationToken.None);

        Assert.NotEqual(ours.KeyId, theirs.KeyId);
        Assert.True(result.SignatureValid && result.MediaMatches);
        Assert.False(result.KeyTrusted);
        Assert.Contains(result.Problems, p => p.Contains(theirs.KeyId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_UnsignedOrGarbage_NoManifestOrMalformed()
    {
        var video = await VideoAsync("unsigned.mp4");
        var garbage = _temp.File("garbage.json");
        await File.WriteAllTextAsync(garbage, "{\"format\":\"something-else\"}");

        var none = await ProvenanceVerifier.VerifyAsync(video, null, null, CancellationToken.None);
        var malformed = await ProvenanceVerifier.VerifyAsync(video, garbage, null, CancellationToken.None);

        Assert.Equal(ProvenanceStatus.NoManifest, none.Status);
        Assert.Equal(ProvenanceStatus.Malformed, malformed.Status);
        Assert.Contains("something-else", malformed.Problems.Single(), StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_FirstAndSecondUse_OwnerOnlyFilesAndTheSameKey()
    {
        var folder = _temp.File("data/keys");
        using var first = ProvenanceKeyStore.LoadOrCreate(folder);
        using var second = ProvenanceKeyStore.LoadOrCreate(folder);
        var file = Path.Combine(folder, ProvenanceKeyStore.FileName);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Single(Directory.GetFiles(folder));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", first.PublicKeyPem, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_KeyReadableByOthers_Refused()
    {
        var folder = _temp.File("loose");
        ProvenanceKeyStore.LoadOrCreate(folder).Dispose();
        var file = Path.Combine(folder, ProvenanceKeyStore.FileName);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var ex = Assert.Throws<InvalidOperationException>(() => ProvenanceKeyStore.LoadOrCreate(folder));
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanonicalJson_SortedCompactAndStableThroughAParse()
    {
        var node = SignedProvenance.Statement(Manifest(), ["0,v,SHA256=ab", "1,a,SHA256=cd"]);

        var bytes = CanonicalJson.Serialize(node);
        var again = CanonicalJson.Serialize(JsonNode.Parse(bytes));
        var text = CanonicalJson.SerializeToString(node);

        Assert.Equal(bytes, again);
        Assert.StartsWith("{\"manifest\":{\"audioSha256\":", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \"", text, StringComparison.Ordinal);
        Assert.Contains("\"createdUtc\":\"2026-11-21T10:20:30.000Z\"", text, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CanonicalJson.Serialize(JsonNode.Parse("{\"x\":1.5}")));
    }

    private static ProvenanceManifest Manifest() => new()
    {
        GeneratorName = "SadTalker.Web",
        GeneratorVersion = "1.0.0",
        EngineId = "studio-lite",
        EngineVersion = "1.0.0",
        ModelSha256 = new Dictionary<string, string> { ["face.onnx"] = new string('a', 64) },
        PortraitSha256 = new string('b', 64),
        AudioSha256 = new string('c', 64),
        Options = new Dictionary<string, string> { ["size"] = "512", ["still"] = "false" },
        Consent = new ConsentSnapshot("42", "Approved", ["personal-use", "marketing"]),
        TeamId = "7",
        JobId = "5d0f8a4e-2c1b-4e7f-a3d9-6b8c0e1f2a3b",
        CreatedUtc = new DateTime(2026, 11, 21, 10, 20, 30, DateTimeKind.Utc),
        WatermarkPayload = "0123456789abcdef",
    };

    private async Task<string> VideoAsync(string name)
    {
        var path = _temp.File(name);
        await TestMedia.FfmpegAsync(
            "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", path);
        return path;
    }
}
