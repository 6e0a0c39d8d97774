using System.Globalization;
using SadTalker.Inference.Engines;
using SadTalker.Inference.Imaging;

namespace SadTalker.Cli.Trust;

/// <summary>
/// The inputs of the watermark benchmark, made with ffmpeg from the shared fixtures into a work folder: portrait
/// variants of astronaut.png (the one fixture with a human face) and speech clips cut from, and mixed out of, the
/// speech fixtures.
/// </summary>
internal sealed record BenchInputs(IReadOnlyList<string> Portraits, IReadOnlyList<string> Speech)
{
    private static readonly PreprocessMode[] Modes = [PreprocessMode.Full, PreprocessMode.Crop, PreprocessMode.ExtCrop];

    public static async Task<BenchInputs> CreateAsync(string work, double seconds, CancellationToken cancellationToken)
    {
        var portrait = RepositoryLayout.Fixture("astronaut.png");
        var longSpeech = RepositoryLayout.Fixture("speech-en-10s.wav");
        var shortSpeech = RepositoryLayout.Fixture("speech-en-short.wav");
        var len = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        var portraits = new List<string> { portrait };
        foreach (var (name, filter) in new[]
        {
            ("mirrored", "hflip"),
            ("darker-warmer", "eq=brightness=-0.08:saturation=1.3,colorbalance=rs=0.1"),
            ("padded", "pad=iw+160:ih+96:40:64:color=0x707880"),
        })
        {
            var path = Path.Combine(work, $"portrait-{name}.png");
            await Ffmpeg(["-i", portrait, "-vf", filter, path], cancellationToken).ConfigureAwait(false);
            portraits.Add(path);
        }

        var speech = new List<string>();
        foreach (var start in new[] { 0.0, 3.5, 6.5 })
        {
            var path = Path.Combine(work, $"speech-{start:0.0}.wav".Replace(',', '.'));
            await Ffmpeg(["-ss", start.ToString(CultureInfo.InvariantCulture), "-i", longSpeech, "-af", "apad", "-t", len, path], cancellationToken)
                .ConfigureAwait(false);
            speech.Add(path);
        }

        var shortPath = Path.Combine(work, "speech-short.wav");
        await Ffmpeg(["-i", shortSpeech, "-af", "apad", "-t", len, "-ar", "16000", shortPath], cancellationToken).ConfigureAwait(false);
        speech.Add(shortPath);
        var mix = Path.Combine(work, "speech-mix.wav");
        await Ffmpeg(
            ["-i", longSpeech, "-i", shortSpeech, "-filter_complex", "[0:a]atrim=start=2,asetpts=N/SR/TB[a];[a][1:a]amix=inputs=2:duration=longest,apad",
             "-t", len, "-ar", "16000", mix],
            cancellationToken).ConfigureAwait(false);
        speech.Add(mix);
        return new BenchInputs(portraits, speech);
    }

    /// <summary>The request of trial <paramref name="trial"/>: portraits, speech, framing and seed vary together.</summary>
    public EngineRequest Request(int trial) => new()
    {
        PortraitPath = Portraits[trial % Portraits.Count],
        AudioPath = Speech[(trial / Portraits.Count) % Speech.Count],
        Options = new GenerationOptions
        {
            Preprocess = Modes[trial % Modes.Length],
            Seed = 1000 + trial,
            Still = trial % 5 == 4,
        },
    };

    private static Task<MediaToolResult> Ffmpeg(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        MediaTool.Ffmpeg.RunAsync(["-v", "error", "-nostdin", "-y", .. args], cancellationToken);
}
