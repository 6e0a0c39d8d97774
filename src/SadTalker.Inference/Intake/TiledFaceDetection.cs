using SadTalker.Inference.Faces;
using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Intake;

/// <summary>
/// Runs BlazeFace over square tiles of a wide or tall image, so faces are found relative to the image's short side.
/// </summary>
/// <remarks>
/// The detector letterboxes the whole image into its square input, so in a 2:1 picture every face shrinks by the long
/// side: the front model then misses faces that fill 18% of the short side (two astronauts side by side, 1024x512,
/// are not found at all), though the product rule asks only for 15% of the short side. So:
/// <list type="number">
/// <item>Shrink with <see cref="ImageShrink"/> until the short side is at most 2x the model input, keeping the last
/// resize inside the detector at or under 2:1.</item>
/// <item>If long / short &lt;= <see cref="MaxSingleTileAspect"/>, detect once. Otherwise cut short x short tiles whose
/// offsets step evenly from 0 to long - short, at most half a tile apart (n = ceil((long - short) / (short / 2)) + 1).</item>
/// <item>Merge all tiles' detections with weighted NMS, then drop a detection if more than
/// <see cref="ContainedFraction"/> of its box lies inside a better-scoring one (a face cut by a tile edge).</item>
/// <item>Scale boxes and keypoints back to the original pixels.</item>
/// </list>
/// </remarks>
internal static class TiledFaceDetection
{
    public const float MaxSingleTileAspect = 1.25f;
    public const float ContainedFraction = 0.6f;

    // MediaPipe face_detection's min_suppression_threshold, as BlazeFaceDetectorOptions uses by default.
    private const float IouThreshold = 0.3f;

    public static IReadOnlyList<FaceDetection> Detect(BlazeFaceDetector detector, RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(image);

        var target = 2 * detector.InputSize;
        var shortSide = Math.Min(image.Width, image.Height);
        var longSide = Math.Max(image.Width, image.Height);
        var small = shortSide <= target
            ? image
            : ImageShrink.Fit(image, (int)Math.Ceiling((double)target * longSide / shortSide));

        var tile = Math.Min(small.Width, small.Height);
        var span = Math.Max(small.Width, small.Height) - tile;
        List<FaceDetection> found;
        if (Math.Max(small.Width, small.Height) <= MaxSingleTileAspect * tile)
        {
            found = [.. detector.Detect(small)];
        }
        else
        {
            var tiles = (int)Math.Ceiling(span / (tile / 2.0)) + 1;
            var all = new List<FaceDetection>();
            for (var i = 0; i < tiles; i++)
            {
                var offset = (int)Math.Round((double)i * span / (tiles - 1));
                var wide = small.Width > small.Height;
                var (x, y) = wide ? (offset, 0) : (0, offset);
                all.AddRange(detector.Detect(Crop(small, x, y, tile)).Select(d => Transform(d, x, y, 1, 1)));
            }

            found = DropContained(WeightedNms.Apply(all, IouThreshold));
        }

        float sx = (float)image.Width / small.Width, sy = (float)image.Height / small.Height;
        return ReferenceEquals(small, image) ? found : [.. found.Select(d => Transform(d, 0, 0, sx, sy))];
    }

    private static List<FaceDetection> DropContained(List<FaceDetection> detections)
    {
        // Already sorted best first by the NMS.
        var kept = new List<FaceDetection>();
        foreach (var d in detections)
        {
            if (!kept.Any(k => Intersection(k.Box, d.Box) > ContainedFraction * d.Box.Area))
            {
                kept.Add(d);
            }
        }

        return kept;
    }

    private static float Intersection(FaceBox a, FaceBox b) =>
        Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X)) *
        Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y));

    private static RgbImage Crop(RgbImage source, int x, int y, int size)
    {
        var result = new RgbImage(size, size);
        for (var row = 0; row < size; row++)
        {
            source.GetRow(y + row).Slice(x * RgbImage.Channels, size * RgbImage.Channels).CopyTo(result.GetRow(row));
        }

        return result;
    }

    /// <summary>Maps p to (p + offset) * scale for the box corners and every keypoint.</summary>
    private static FaceDetection Transform(FaceDetection d, float dx, float dy, float sx, float sy)
    {
        var box = FaceBox.FromCorners((d.Box.X + dx) * sx, (d.Box.Y + dy) * sy, (d.Box.Right + dx) * sx, (d.Box.Bottom + dy) * sy);
        var keypoints = d.Keypoints.Select(p => new FacePoint((p.X + dx) * sx, (p.Y + dy) * sy)).ToArray();
        return new FaceDetection(box, d.Score, keypoints);
    }
}
