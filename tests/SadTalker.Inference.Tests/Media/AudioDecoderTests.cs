using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Media;

public sealed class AudioDecoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task DecodeAsync_Wav16kMono_IsExactlyPcmOver32768()
    {
        var (expected, _, _) = WavPcm16.Read(RepoPaths.Fixture("speech-en-10s.wav"));

        var samples = await AudioDecoder.DecodeAsync(RepoPaths.Fixture("speech-en-10s.wav"), CancellationToken.None);

        Assert.Equal(expected, samples);
    }

    [Fact]
    public async Task DecodeAsync_StereoMp3_Gives16kMonoOfTheSameLength()
    {
        var samples = await AudioDecoder.DecodeAsync(RepoPaths.Fixture("speech-en-10s.mp3"), CancellationToken.None);

        // 11.09 s of speech; the MP3 adds up to a few tens of ms of encoder padding.
        Assert.InRange(samples.Length / 16000.0, 11.05, 11.15);
        Assert.InRange(samples.Max(Math.Abs), 0.05f, 1.0f);
    }

    [Fact]
    public async Task DecodeAsync_22kWav_IsResampledTo16k()
    {
        var samples = await AudioDecoder.DecodeAsync(RepoPaths.Fixture("speech-en-short.wav"), CancellationToken.None);

        Assert.InRange(samples.Length / 16000.0, 3.578, 3.598); // 3.588 s at 22.05 kHz
    }

    [Fact]
    public async Task DecodeAsync_Stereo_AveragesChannelsLikeLibrosa()
    {
        // Left 0.5, right 0.1 → mean 0.3 (ffmpeg's own default downmix would give (0.5 + 0.1)/√2 = 0.424).
        var path = _temp.File("stereo.wav");
        var interleaved = new float[2 * 8000];
        for (var i = 0; i < 8000; i++)
        {
            interleaved[2 * i] = 0.5f;
            interleaved[(2 * i) + 1] = 0.1f;
        }

        WavPcm16.Write(path, interleaved, 16000, 2);

        var samples = await AudioDecoder.DecodeAsync(path, CancellationToken.None);

        Assert.Equal(8000, samples.Length);
        Assert.All(samples[100..^100], s => Assert.Equal(0.3f, s, 3));
    }

    [Fact]
    public async Task Open_SmallReads_StreamTheSameSamples()
    {
        var whole = await AudioDecoder.DecodeAsync(RepoPaths.Fixture("speech-en-10s.mp3"), CancellationToken.None);
        var streamed = new List<float>();
        var buffer = new float[1001];

        await using (var reader = AudioDecoder.Open(RepoPaths.Fixture("speech-en-10s.mp3")))
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
            {
                Assert.InRange(read, 1, buffer.Length);
                streamed.AddRange(buffer.AsSpan(0, read));
            }

            Assert.Equal(whole.Length, reader.SamplesRead);
            Assert.Equal(0, await reader.ReadAsync(buffer, CancellationToken.None));
        }

        Assert.Equal(whole, streamed);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_KillsFfmpeg()
    {
        await using var reader = AudioDecoder.Open(RepoPaths.Fixture("speech-en-10s.mp3"));
        var buffer = new float[100];
        Assert.Equal(100, await reader.ReadAsync(buffer, CancellationToken.None));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadAsync(buffer, cts.Token));
        await reader.DisposeAsync();
        Assert.Equal(0, await reader.ReadAsync(buffer, CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_BeforeTheEnd_StopsFfmpeg()
    {
        var reader = AudioDecoder.Open(RepoPaths.Fixture("speech-en-10s.mp3"));
        Assert.True(await reader.ReadAsync(new float[10], CancellationToken.None) > 0);

        await reader.DisposeAsync();

        Assert.Equal(0, await reader.ReadAsync(new float[10], CancellationToken.None));
    }

    [Fact]
    public async Task DecodeAsync_NotAudio_ThrowsWithFfmpegMessage()
    {
        var ex = await Assert.ThrowsAsync<MediaToolException>(
            () => AudioDecoder.DecodeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None));

        Assert.Contains("astronaut.png", ex.Message, StringComparison.Ordinal);
        Assert.Contains("matches no streams", ex.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, ex.ExitCode);
    }

    [Fact]
    public async Task DecodeAsync_MissingFile_ThrowsFileNotFound() =>
        await Assert.ThrowsAsync<FileNotFoundException>(
            () => AudioDecoder.DecodeAsync(_temp.File("missing.wav"), CancellationToken.None));

    public void Dispose() => _temp.Dispose();
}
