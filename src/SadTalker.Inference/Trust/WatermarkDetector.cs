using System.Globalization;
using System.Runtime.InteropServices;
using SadTalker.Inference.Imaging;
using SadTalker.Inference.Media;

namespace SadTalker.Inference.Trust;

/// <summary>
/// Reads the invisible watermark back from any video ffmpeg can decode: luma at 64×64, the projections of every frame
/// on the <see cref="WatermarkLayout"/> patterns under 7×7 crop hypotheses, two-frame chip differences, then a search
/// over crop and time offset by pilot correlation and a soft Viterbi decode at the best hypothesis.
/// </summary>
/// <remarks>
/// For a hypothesis h (crops cx, cy) and offset o, a pair of frames (t, t+1) with t + o even is chip τ = ((t+o) mod 72)/2;
/// its observation per pattern k is d = p_k(t) − p_k(t+1), normalised by the pattern's spread σ_hk over all pairs.
/// Pilot score z = Σ sign·d/σ / √n over the pilot chips; soft coded bit j = Σ scramble·d/σ² over its chips (all
/// periods add coherently).
/// </remarks>
public static class WatermarkDetector
{
    /// <summary>Analysis size (square: the patterns are frame-relative, so the aspect ratio does not matter).</summary>
    public const int Size = 64;

    /// <summary>Pilot z from which a decoded payload with a matching CRC counts as found.</summary>
    public const double FoundScore = 4.5;

    /// <summary>Pilot z from which a mark is reported as present even without a readable payload.</summary>
    public const double PresenceScore = 7;

    /// <summary>Longest stretch decoded from the start of a video.</summary>
    public const int MaxSeconds = 20;

    private const int CandidatesDecoded = 4;
    private static readonly double[] Crops = [0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15];

    /// <summary>Decodes the first <see cref="MaxSeconds"/> seconds of <paramref name="path"/> and looks for the mark.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="MediaToolException">The file has no video stream, or ffmpeg cannot decode it.</exception>
    public static async Task<WatermarkDetection> DetectAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Video not found: {full}", full);
        }

        var info = await MediaProbe.ProbeAsync(full, cancellationToken).ConfigureAwait(false);
        if (info.Video is null)
        {
            throw new MediaToolException($"{full} has no video stream to look for a watermark in.", 0, string.Empty);
        }

        var result = await MediaTool.Ffmpeg.RunAsync(
            ["-v", "error", "-nostdin", "-i", "file:" + full, "-t", MaxSeconds.ToString(CultureInfo.InvariantCulture),
             "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", $"scale={Size}:{Size}:flags=area", "-fps_mode", "passthrough",
             "-pix_fmt", "gray16le", "-f", "rawvideo", "-"],
            cancellationToken).ConfigureAwait(false);
        var frames = result.StandardOutput.Length / (Size * Size * 2);
        if (frames == 0)
        {
            throw new MediaToolException($"ffmpeg decoded no video frames from {full}.", 0, result.StandardError);
        }

        // 16-bit luma keeps the fractions of a grey level that area averaging makes; rounding them to 8 bits would
        // add noise as large as the mark itself.
        var samples = MemoryMarshal.Cast<byte, ushort>(result.StandardOutput.AsSpan(0, frames * Size * Size * 2));
        var grey = new float[samples.Length];
        for (var i = 0; i < grey.Length; i++)
        {
            grey[i] = samples[i] / 257f;
        }

        return Detect(grey, frames);
    }

    /// <summary>Looks for the mark in <paramref name="frameCount"/> grey 64×64 frames (0..255 scale).</summary>
    public static WatermarkDetection Detect(ReadOnlySpan<float> grey, int frameCount)
    {
        if (grey.Length != frameCount * Size * Size || frameCount < 2)
        {
            throw new ArgumentException($"Expected at least two frames of {Size}×{Size} samples.", nameof(grey));
        }

        var projections = new ProjectionSet(grey, frameCount, Crops);
        var candidates = new List<(int H, int Offset, double Z)>();
        for (var h = 0; h < projections.Hypotheses; h++)
        {
            for (var offset = 0; offset < WatermarkLayout.PeriodFrames; offset++)
            {
                candidates.Add((h, offset, projections.PilotScore(h, offset)));
            }
        }

        candidates.Sort((a, b) => b.Z.CompareTo(a.Z));
        var best = candidates[0];
        var hypotheses = candidates.Count;
        foreach (var candidate in candidates.Take(CandidatesDecoded).Where(c => c.Z >= FoundScore))
        {
            if (WatermarkCode.Decode(projections.SoftBits(candidate.H, candidate.Offset)) is { } payload)
            {
                return Result(true, payload, candidate, hypotheses * Math.Pow(2, -WatermarkCode.CrcBits));
            }
        }

        return Result(false, null, best, hypotheses);

        WatermarkDetection Result(bool found, WatermarkPayload? payload, (int H, int Offset, double Z) at, double trials) => new(
            found,
            payload,
            at.Z,
            Math.Min(1, trials * UpperTail(at.Z)),
            Crops[at.H / Crops.Length],
            Crops[at.H % Crops.Length],
            at.Offset,
            frameCount);
    }

    /// <summary>Q(z) = P(N(0,1) > z), from the complementary error function (Abramowitz-Stegun 7.1.26, |ε| ≤ 1.5·10⁻⁷).</summary>
    internal static double UpperTail(double z)
    {
        if (z < 0)
        {
            return 1 - UpperTail(-z);
        }

        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        return 0.5 * poly * Math.Exp(-x * x);
    }
}
