using System.Text;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Media;

public sealed class MediaProbeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ProbeAsync_Wav_ReportsMono16kPcm()
    {
        var info = await MediaProbe.ProbeAsync(RepoPaths.Fixture("speech-en-10s.wav"), CancellationToken.None);

        var audio = Assert.Single(info.Streams);
        Assert.Same(audio, info.Audio);
        Assert.Null(info.Video);
        Assert.Equal(MediaStreamKind.Audio, audio.Kind);
        Assert.Equal("pcm_s16le", audio.CodecName);
        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Null(audio.Width);
        Assert.Equal("wav", info.FormatName);
        Assert.Equal(11.09, info.Duration!.Value.TotalSeconds, 2);
    }

    [Fact]
    public async Task ProbeAsync_Mp3_ReportsStereo44k()
    {
        var info = await MediaProbe.ProbeAsync(RepoPaths.Fixture("speech-en-10s.mp3"), CancellationToken.None);

        Assert.Equal("mp3", info.Audio!.CodecName);
        Assert.Equal(44100, info.Audio.SampleRate);
        Assert.Equal(2, info.Audio.Channels);
        Assert.InRange(info.Duration!.Value.TotalSeconds, 11.0, 11.2);
    }

    [Fact]
    public async Task ProbeAsync_Png_ReportsOneVideoStreamWithSize()
    {
        var info = await MediaProbe.ProbeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None);

        var video = Assert.Single(info.Streams);
        Assert.Equal(MediaStreamKind.Video, video.Kind);
        Assert.Equal("png", video.CodecName);
        Assert.Equal((512, 512), (video.Width, video.Height));
        Assert.Null(video.SampleRate);
    }

    [Fact]
    public async Task ProbeAsync_Garbage_ThrowsWithFfprobeMessage()
    {
        var path = _temp.File("noise.mp4");
        await File.WriteAllBytesAsync(path, Encoding.ASCII.GetBytes(new string('x', 3000)));

        var ex = await Assert.ThrowsAsync<MediaToolException>(() => MediaProbe.ProbeAsync(path, CancellationToken.None));

        Assert.Contains("Invalid data found when processing input", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_MissingFile_ThrowsFileNotFound() =>
        await Assert.ThrowsAsync<FileNotFoundException>(
            () => MediaProbe.ProbeAsync(_temp.File("missing.wav"), CancellationToken.None));

    [Fact]
    public void Parse_ReadsRatesAndStringNumbers()
    {
        var json = """
            {"streams": [
              {"index": 0, "codec_type": "video", "codec_name": "h264", "width": 256, "height": 254,
               "pix_fmt": "yuv420p", "avg_frame_rate": "0/0", "r_frame_rate": "30000/1001", "duration": "2.5", "nb_frames": "75"},
              {"index": 1, "codec_type": "audio", "codec_name": "aac", "sample_rate": "48000", "channels": 2},
              {"index": 2, "codec_type": "data"}
            ],
             "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "2.560000"}}
            """u8;

        var info = MediaProbe.Parse(json);

        Assert.Equal(3, info.Streams.Count);
        Assert.Equal(30000 / 1001.0, info.Video!.FrameRate!.Value, 9);
        Assert.Equal((256, 254), (info.Video.Width, info.Video.Height));
        Assert.Equal("yuv420p", info.Video.PixelFormat);
        Assert.Equal(75, info.Video.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(2.5), info.Video.Duration);
        Assert.Equal((48000, 2), (info.Audio!.SampleRate, info.Audio.Channels));
        Assert.Null(info.Audio.FrameRate);
        Assert.Equal(MediaStreamKind.Data, info.Streams[2].Kind);
        Assert.Equal(TimeSpan.FromSeconds(2.56), info.Duration);
    }

    public void Dispose() => _temp.Dispose();
}
