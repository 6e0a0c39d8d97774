using System.Text;
using SadTalker.Inference.Intake;

namespace SadTalker.Inference.Tests.Intake;

public sealed class FfprobeReportTests
{
    [Fact]
    public void Parse_VideoWithTwoAudioTracks_TakesTheFirstAudioStream()
    {
        const string Json = """
            { "streams": [
                { "index": 0, "codec_type": "video", "codec_name": "h264" },
                { "index": 1, "codec_type": "audio", "codec_name": "aac", "sample_rate": "48000", "channels": 2, "duration": "61.5" },
                { "index": 2, "codec_type": "audio", "codec_name": "mp3", "sample_rate": "44100", "channels": 1 } ],
              "format": { "format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "62.000000" } }
            """;

        var report = FfprobeReport.Parse(Encoding.UTF8.GetBytes(Json));

        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", report.FormatName);
        Assert.Equal(TimeSpan.FromSeconds(62), report.Duration);
        Assert.True(report.HasVideo);
        Assert.Equal(new FfprobeAudioStream("aac", 48000, 2, TimeSpan.FromSeconds(61.5)), report.Audio);
    }

    [Fact]
    public void Parse_DurationNotAvailable_FallsBackToTheStreamThenToNull()
    {
        const string StreamOnly = """
            { "streams": [ { "codec_type": "audio", "codec_name": "opus", "sample_rate": "48000", "channels": 1, "duration": "3.5" } ],
              "format": { "format_name": "ogg", "duration": "N/A" } }
            """;
        const string Neither = """{ "streams": [ { "codec_type": "audio", "codec_name": "pcm_s16le" } ], "format": { "format_name": "wav" } }""";

        Assert.Equal(TimeSpan.FromSeconds(3.5), FfprobeReport.Parse(Encoding.UTF8.GetBytes(StreamOnly)).Duration);
        var bare = FfprobeReport.Parse(Encoding.UTF8.GetBytes(Neither));
        Assert.Null(bare.Duration);
        Assert.Equal(new FfprobeAudioStream("pcm_s16le", 0, 0, null), bare.Audio);
    }

    [Fact]
    public void Parse_NoStreams_HasNoAudio()
    {
        var report = FfprobeReport.Parse("{ }"u8);

        Assert.Null(report.Audio);
        Assert.False(report.HasVideo);
        Assert.Equal(string.Empty, report.FormatName);
    }
}
