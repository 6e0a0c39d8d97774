using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;
using SadTalker.Inference.Rendering;
using SadTalker.Inference.Tests.Support;
using SadTalker.Inference.Trust;

namespace SadTalker.Inference.Tests.Trust;

/// <summary>
/// Two short talking-head-like clips made once per test class: the astronaut at 320 px swaying by a few pixels with a
/// mouth region that darkens and brightens, 3.5 s with the short speech fixture: one watermarked, one not.
/// </summary>
public sealed class WatermarkClips : IAsyncLifetime
{
    public const int Size = 320;
    public const int Frames = 88;
    private const int Margin = 8;
    private readonly TempDirectory _temp = new();

    public WatermarkPayload Payload { get; } = WatermarkPayload.FromJobId(Guid.Parse("5d0f8a4e-2c1b-4e7f-a3d9-6b8c0e1f2a3b"));

    public string Marked { get; private set; } = string.Empty;

    public string Clean { get; private set; } = string.Empty;

    public string File(string name) => _temp.File(name);

    /// <summary>Frame <paramref name="t"/> of the unwatermarked clip.</summary>
    public static byte[] Frame(RgbImage source, int t)
    {
        var dx = Margin + (int)Math.Round(4 * Math.Sin(2 * Math.PI * t / 50));
        var dy = Margin + (int)Math.Round(3 * Math.Sin(2 * Math.PI * t / 70));
        var frame = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            source.Pixels.AsSpan((((y + dy) * source.Width) + dx) * 3, Size * 3).CopyTo(frame.AsSpan(y * Size * 3));
        }

        // The "mouth": a box below the face centre whose brightness follows a syllable-like rhythm.
        var open = 0.5 + (0.5 * Math.Sin(2 * Math.PI * t / 6.3));
        for (var y = 190; y < 215; y++)
        {
            for (var x = 140; x < 185; x++)
            {
                var i = ((y * Size) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    frame[i + c] = (byte)(frame[i + c] * (1 - (0.6 * open)));
                }
            }
        }

        return frame;
    }

    /// <summary>The astronaut resized to the clip size plus a margin for the sway.</summary>
    public static async Task<RgbImage> SourceAsync()
    {
        var astronaut = await FfmpegImageDecoder.DecodeAsync(RepoPaths.Fixture("astronaut.png"), CancellationToken.None);
        var side = Size + (2 * Margin);
        var resized = new RgbImage(side, side);
        ImageResize.Bilinear(astronaut.Pixels, astronaut.Width, astronaut.Height, resized.Pixels, side, side);
        return resized;
    }

    public async Task InitializeAsync()
    {
        var source = await SourceAsync();
        Marked = await EncodeAsync(source, "marked.mp4", new InvisibleWatermarkFilter(Payload));
        Clean = await EncodeAsync(source, "clean.mp4", null);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> EncodeAsync(RgbImage source, string name, IFrameFilter? filter)
    {
        var path = _temp.File(name);
        filter?.Begin(Size, Size, Frames);
        await using var encoder = VideoEncoder.Start(new VideoEncoderSettings(path, Size, Size) { AudioPath = RepoPaths.Fixture("speech-en-short.wav") });
        for (var t = 0; t < Frames; t++)
        {
            var frame = Frame(source, t);
            filter?.Apply(frame, t);
            await encoder.WriteFrameAsync(frame, CancellationToken.None);
        }

        await encoder.CompleteAsync(CancellationToken.None);
        return path;
    }
}
