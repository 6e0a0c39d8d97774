namespace SadTalker.Inference.Faces;

/// <summary>MediaPipe-style weighted non-maximum suppression.</summary>
/// <remarks>
/// Take the best remaining detection; every remaining detection whose IoU with it is at least the threshold
/// (itself included) forms its cluster. The merged box corners and keypoints are the score-weighted means over the
/// cluster, and the merged score is the best one's. Repeat on what is left. Unlike hard NMS this steadies the box,
/// because BlazeFace fires on several neighbouring anchors per face (MediaPipe
/// <c>non_max_suppression_calculator.cc</c>, <c>WeightedNonMaxSuppression</c>).
/// </remarks>
internal static class WeightedNms
{
    public static List<FaceDetection> Apply(IEnumerable<FaceDetection> detections, float iouThreshold)
    {
        var remaining = detections.OrderByDescending(d => d.Score).ToList();
        var result = new List<FaceDetection>();
        var cluster = new List<FaceDetection>();
        var rest = new List<FaceDetection>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            cluster.Clear();
            rest.Clear();
            cluster.Add(best);
            for (var i = 1; i < remaining.Count; i++)
            {
                (best.Box.IntersectionOverUnion(remaining[i].Box) >= iouThreshold ? cluster : rest).Add(remaining[i]);
            }

            result.Add(Merge(best, cluster));
            (remaining, rest) = (rest, remaining);
        }

        return result;
    }

    private static FaceDetection Merge(FaceDetection best, List<FaceDetection> cluster)
    {
        if (cluster.Count == 1)
        {
            return best;
        }

        float total = 0, left = 0, top = 0, right = 0, bottom = 0;
        var xs = new float[best.Keypoints.Count];
        var ys = new float[best.Keypoints.Count];
        foreach (var d in cluster)
        {
            var w = d.Score;
            total += w;
            left += w * d.Box.X;
            top += w * d.Box.Y;
            right += w * d.Box.Right;
            bottom += w * d.Box.Bottom;
            for (var k = 0; k < xs.Length; k++)
            {
                xs[k] += w * d.Keypoints[k].X;
                ys[k] += w * d.Keypoints[k].Y;
            }
        }

        var keypoints = new FacePoint[xs.Length];
        for (var k = 0; k < xs.Length; k++)
        {
            keypoints[k] = new FacePoint(xs[k] / total, ys[k] / total);
        }

        return new FaceDetection(
            FaceBox.FromCorners(left / total, top / total, right / total, bottom / total), best.Score, keypoints);
    }
}
