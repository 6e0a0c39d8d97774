using System.Buffers.Binary;
using System.Text;
using SadTalker.Inference.Intake;
using SadTalker.Inference.Tests.Support;
using Xunit.Abstractions;

namespace SadTalker.Inference.Tests.Intake;

public sealed class AudioIntakeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string WorkDir => _temp.File("work");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Process_Mp3Fixture_DecodesOnceIntoAllThreeOutputs()
    {
        var result = await new AudioIntake().ProcessAsync(RepoPaths.Fixture("speech-en-10s.mp3"), WorkDir, CancellationToken.None);

        Assert.InRange(result.DurationSeconds, 11.1 - 0.15, 11.1 + 0.15);
        Assert.Equal((44100, 2, "mp3", "mp3", false), (result.SampleRate, result.Channels, result.CodecName, result.ContainerName, result.HasVideo));
        Assert.Equal(3, Directory.GetFiles(WorkDir).Length);

        var wav = await File.ReadAllBytesAsync(result.EngineWavPath);
        AssertEngineWav(wav, result.EngineSampleCount);
        Assert.Equal(result.DurationSeconds * 16000, result.EngineSampleCount);

        var waveform = ImageFormatSniffer.Sniff(await File.ReadAllBytesAsync(result.WaveformPath));
        Assert.Equal((ImageFormat.Png, 800, 120), (waveform.Format, waveform.Width, waveform.Height));
        var picture = await TestMedia.DecodeAsync(result.WaveformPath);
        var tallest = Enumerable.Range(0, 800).Max(x => Enumerable.Range(0, 120).Count(y => picture.GetRow(y)[x * 3] == 37));
        Assert.InRange(tallest, 30, 120); // speech, not a flat line

        Assert.Equal("aac,audio", await TestMedia.ProbeAsync(result.PlaybackPath, "stream=codec_name,codec_type"));
        Assert.Contains("mov,mp4", await TestMedia.ProbeAsync(result.PlaybackPath, "format=format_name"), StringComparison.Ordinal);
        var playbackSeconds = double.Parse(await TestMedia.ProbeAsync(result.PlaybackPath, "format=duration"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(playbackSeconds, result.DurationSeconds - 0.1, result.DurationSeconds + 0.1);
        AssertMoovBeforeMdat(await File.ReadAllBytesAsync(result.PlaybackPath));
    }

    [Fact]
    public async Task Process_SixteenKilohertzMonoWav_KeepsTheSamplesBitExact()
    {
        var source = await File.ReadAllBytesAsync(RepoPaths.Fixture("speech-en-10s.wav"));

        var result = await new AudioIntake().ProcessAsync(RepoPaths.Fixture("speech-en-10s.wav"), WorkDir, CancellationToken.None);

        Assert.Equal((16000, 1, "pcm_s16le", "wav"), (result.SampleRate, result.Channels, result.CodecName, result.ContainerName));
        var wav = await File.ReadAllBytesAsync(result.EngineWavPath);
        AssertEngineWav(wav, result.EngineSampleCount);
        Assert.Equal(DataChunk(source).ToArray(), wav.AsSpan(44).ToArray());
    }

    [Theory]
    [InlineData("a.m4a", new[] { "-c:a", "aac" }, "aac", "mov,mp4,m4a,3gp,3g2,mj2", false)]
    [InlineData("a.aac", new[] { "-c:a", "aac", "-f", "adts" }, "aac", "aac", false)]
    [InlineData("opus.ogg", new[] { "-c:a", "libopus" }, "opus", "ogg", false)]
    [InlineData("vorbis.ogg", new[] { "-c:a", "libvorbis" }, "vorbis", "ogg", false)]
    [InlineData("a.flac", new[] { "-c:a", "flac" }, "flac", "flac", false)]
    [InlineData("s24.wav", new[] { "-c:a", "pcm_s24le", "-ac", "2" }, "pcm_s24le", "wav", false)]
    [InlineData("v.mp4", new[] { "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-shortest", "-c:v", "libx264", "-c:a", "aac" }, "aac", "mov,mp4,m4a,3gp,3g2,mj2", true)]
    [InlineData("v.webm", new[] { "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-shortest", "-c:v", "libvpx", "-c:a", "libopus" }, "opus", "matroska,webm", true)]
    public async Task Process_AcceptedFormats_AreSniffedByContent(string made, string[] arguments, string codec, string container, bool video)
    {
        var path = await TestMedia.ConvertAsync(_temp, "speech-en-short.wav", made, arguments);
        var upload = _temp.File("upload.bin"); // no telling extension
        File.Move(path, upload);

        var result = await new AudioIntake().ProcessAsync(upload, WorkDir, CancellationToken.None);

        output.WriteLine($"{made}: {result}");
        Assert.Equal((codec, container, video), (result.CodecName, result.ContainerName, result.HasVideo));
        Assert.InRange(result.DurationSeconds, 3.4, 3.9); // the fixture is 3.6 s; codecs add or trim a little padding
        AssertEngineWav(await File.ReadAllBytesAsync(result.EngineWavPath), result.EngineSampleCount);
    }

    [Theory]
    [InlineData("video-without-audio", "audio.no_audio_stream", "no sound track")]
    [InlineData("text", "audio.unsupported", "not in a supported audio format")]
    [InlineData("png-image", "audio.unsupported", "PNG image")]
    [InlineData("zero-bytes", "audio.empty", "empty")]
    [InlineData("wav-without-samples", "audio.empty", "no sound samples")]
    [InlineData("mp2-in-mp3-demuxer", "audio.unsupported", "'mp2'")]
    [InlineData("hls-playlist-of-local-file", "audio.unsupported", "not in a supported audio format")]
    public async Task Process_BadInput_IsRefusedWithItsCodeAndStoresNothing(string kind, string code, string phrase)
    {
        var upload = await BadInputAsync(kind);

        var ex = await Assert.ThrowsAsync<IntakeException>(() => new AudioIntake().ProcessAsync(upload, WorkDir, CancellationToken.None));

        output.WriteLine($"{kind}: {ex.Code}: {ex.Message}");
        Assert.Equal(code, ex.Code);
        Assert.Contains(phrase, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_temp.Path, ex.Message, StringComparison.Ordinal);
        TestMedia.AssertEmpty(WorkDir);
    }

    [Fact]
    public async Task Process_SparseTwoGigabyteFile_IsRefusedBySizeWithoutBeingOpened()
    {
        var upload = _temp.File("huge.wav");
        using (var create = new FileStream(upload, FileMode.CreateNew))
        {
            create.SetLength(2L * 1024 * 1024 * 1024);
        }

        using var held = new FileStream(upload, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var ex = await Assert.ThrowsAsync<IntakeException>(() => new AudioIntake().ProcessAsync(upload, WorkDir, CancellationToken.None));

        Assert.Equal("audio.too_large", ex.Code);
        Assert.Equal("The file is 2.0 GB; audio files can be at most 100 MB.", ex.Message);
        TestMedia.AssertEmpty(WorkDir);
    }

    [Fact]
    public async Task Process_LongerThanTheLimitByProbe_IsTooLong()
    {
        var intake = new AudioIntake(new IntakeLimits { MaxAudioDuration = TimeSpan.FromSeconds(5) });

        var ex = await Assert.ThrowsAsync<IntakeException>(() =>
            intake.ProcessAsync(RepoPaths.Fixture("speech-en-10s.mp3"), WorkDir, CancellationToken.None));

        Assert.Equal("audio.too_long", ex.Code);
        Assert.Equal("The audio is 11 s long; the limit is 5 s.", ex.Message);
        TestMedia.AssertEmpty(WorkDir);
    }

    [Fact]
    public async Task Process_ProbeUnderstatesTheLength_IsCaughtWhileDecoding()
    {
        // Two MP3s back to back: ffprobe estimates 12.1 s from the first one's header, decoding yields 14.8 s.
        var first = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "speech-en-short.wav", "s.mp3"));
        var second = await File.ReadAllBytesAsync(await TestMedia.ConvertAsync(_temp, "speech-en-10s.wav", "l.mp3"));
        var upload = _temp.File("joined.mp3");
        await File.WriteAllBytesAsync(upload, [.. first, .. second]);
        var probed = double.Parse(await TestMedia.ProbeAsync(upload, "format=duration"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(probed, 11, 13);

        var intake = new AudioIntake(new IntakeLimits { MaxAudioDuration = TimeSpan.FromSeconds(13.5) });
        var ex = await Assert.ThrowsAsync<IntakeException>(() => intake.ProcessAsync(upload, WorkDir, CancellationToken.None));

        Assert.Equal("audio.too_long", ex.Code);
        TestMedia.AssertEmpty(WorkDir); // the playback file ffmpeg had already written is gone too
    }

    [Fact]
    public async Task Process_Cancelled_ThrowsAndStoresNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new AudioIntake().ProcessAsync(RepoPaths.Fixture("speech-en-10s.mp3"), WorkDir, cancelled.Token));

        TestMedia.AssertEmpty(WorkDir);
    }

    private static void AssertEngineWav(byte[] wav, long samples)
    {
        var h = wav.AsSpan();
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(h[4..]));
        Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(wav, 8, 8));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(h[16..]));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(h[20..])); // PCM
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(h[22..])); // mono
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(h[24..]));
        Assert.Equal(32000, BinaryPrimitives.ReadInt32LittleEndian(h[28..]));
        Assert.Equal(2, BinaryPrimitives.ReadInt16LittleEndian(h[32..]));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(h[34..]));
        Assert.Equal("data", Encoding.ASCII.GetString(wav, 36, 4));
        Assert.Equal(samples * 2, BinaryPrimitives.ReadInt32LittleEndian(h[40..]));
        Assert.Equal(44 + (samples * 2), wav.Length);
        Assert.True(samples > 0);
    }

    private static ReadOnlySpan<byte> DataChunk(byte[] wav)
    {
        var at = 12;
        while (!wav.AsSpan(at, 4).SequenceEqual("data"u8))
        {
            at += 8 + BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(at + 4));
        }

        return wav.AsSpan(at + 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(at + 4)));
    }

    /// <summary>+faststart: the top-level 'moov' box must come before 'mdat' so playback can start early.</summary>
    private static void AssertMoovBeforeMdat(byte[] mp4)
    {
        var boxes = new List<string>();
        for (long at = 0; at + 8 <= mp4.Length;)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan((int)at));
            boxes.Add(Encoding.ASCII.GetString(mp4, (int)at + 4, 4));
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(mp4.AsSpan((int)at + 8));
            }

            Assert.True(size >= 8, $"bad box size at {at}");
            at += size;
        }

        Assert.True(boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
    }

    private async Task<string> BadInputAsync(string kind)
    {
        var upload = _temp.File("upload.mp3");
        switch (kind)
        {
            case "video-without-audio":
                await TestMedia.FfmpegAsync("-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1", "-c:v", "libx264", "-f", "mp4", upload);
                break;
            case "text":
                await File.WriteAllTextAsync(upload, "These are the lyrics, not the song.\n");
                break;
            case "png-image":
                File.Copy(RepoPaths.Fixture("astronaut.png"), upload);
                break;
            case "zero-bytes":
                await File.WriteAllBytesAsync(upload, []);
                break;
            case "wav-without-samples":
                await TestMedia.FfmpegAsync("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "0", "-c:a", "pcm_s16le", "-f", "wav", upload);
                break;
            case "mp2-in-mp3-demuxer":
                await TestMedia.FfmpegAsync("-i", RepoPaths.Fixture("speech-en-short.wav"), "-c:a", "mp2", "-f", "mp2", upload);
                break;
            case "hls-playlist-of-local-file":
                // An HLS playlist pointing at a server file: it must never be opened through the upload.
                await File.WriteAllTextAsync(
                    upload,
                    $"#EXTM3U\n#EXT-X-TARGETDURATION:12\n#EXTINF:12,\n{RepoPaths.Fixture("speech-en-10s.wav")}\n#EXT-X-ENDLIST\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return upload;
    }
}
