using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Preprocess;

/// <summary>
/// The face enhancer's alignment (sadtalker-facts.md §8, facexlib FaceRestoreHelper with face_size 512): five face
/// points → the similarity onto the FFHQ-512 template; the 512² crop is the frame warped by it with a grey border.
/// </summary>
public static class FfhqAlignment
{
    /// <summary>Side of the aligned face the restorer takes.</summary>
    public const int FaceSize = 512;

    /// <summary>
    /// FFHQ-512 template, [left eye, right eye, nose tip, left mouth corner, right mouth corner] in image-left-to-right
    /// order (facexlib face_restoration_helper.py, the 512 template quoted in sadtalker-facts.md §8).
    /// </summary>
    public static ReadOnlySpan<double> Template =>
    [
        192.98138, 239.94708, 318.90277, 240.1936, 256.63416, 314.01935, 201.26117, 371.41043, 313.08905, 371.15118,
    ];

    /// <summary>warpAffine's border colour for the aligned crop (R, G, B): facexlib's (135, 133, 132).</summary>
    public static ReadOnlySpan<byte> Border => [135, 133, 132];

    /// <summary>The reference skips faces whose eyes are closer than this many pixels (eye_dist_threshold 5).</summary>
    public const double MinEyeDistance = 5;

    /// <summary>
    /// The five points from 68 landmarks by <c>align_img</c>'s indices (§3, 0-based): mean(36, 39), mean(42, 45), 30, 48, 54
    /// → x0, y0, … x4, y4 in <paramref name="destination"/>.
    /// </summary>
    public static void FivePoints(ReadOnlySpan<float> landmarks, Span<double> destination)
    {
        if (landmarks.Length != 136 || destination.Length != 10)
        {
            throw new ArgumentException($"Need 68 landmarks (136 values) and 10 destination values; got {landmarks.Length} and {destination.Length}.");
        }

        ReadOnlySpan<int> first = [36, 42, 30, 48, 54];
        ReadOnlySpan<int> second = [39, 45, 30, 48, 54];
        for (var i = 0; i < 5; i++)
        {
            var (a, b) = (first[i], second[i]);
            destination[2 * i] = (landmarks[2 * a] + (double)landmarks[2 * b]) / 2;
            destination[(2 * i) + 1] = (landmarks[(2 * a) + 1] + (double)landmarks[(2 * b) + 1]) / 2;
        }
    }

    /// <summary>The frame → aligned-face map for <paramref name="fivePoints"/> (frame pixels), as estimateAffinePartial2D fits it.</summary>
    public static Affine2D Fit(ReadOnlySpan<double> fivePoints) => SimilarityFit.LeastSquares(fivePoints, Template);

    /// <summary>True when the eyes are far enough apart for the reference to restore the face.</summary>
    public static bool IsUsable(ReadOnlySpan<double> fivePoints) =>
        Math.Sqrt(Math.Pow(fivePoints[2] - fivePoints[0], 2) + Math.Pow(fivePoints[3] - fivePoints[1], 2)) >= MinEyeDistance;

    /// <summary>The 512² aligned crop of an RGB24 frame: cv2.warpAffine(frame, M, (512, 512), INTER_LINEAR, grey border).</summary>
    public static void Warp(ReadOnlySpan<byte> frame, int width, int height, Affine2D frameToFace, Span<byte> destination) =>
        AffineWarp.Bilinear(frame, width, height, destination, FaceSize, FaceSize, frameToFace.Invert(), Border);
}
