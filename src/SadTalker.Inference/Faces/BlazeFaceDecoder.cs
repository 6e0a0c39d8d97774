using SadTalker.Inference.Imaging;

namespace SadTalker.Inference.Faces;

/// <summary>Turns raw BlazeFace head outputs into candidate detections in source-image pixels.</summary>
/// <remarks>
/// For anchor i of a head with C cells and A anchors per cell, cell = i / A, cx = cell % C, cy = cell / C and the
/// anchor centre is ((cx + 0.5) / C, (cy + 0.5) / C) in units of the square input (MediaPipe SsdAnchorsCalculator
/// with anchor_offset 0.5 and fixed_anchor_size). With regression r[0..15] and input size S:
/// centre = anchor + (r0, r1) / S, size = (r2, r3) / S, keypoint k = anchor + (r[4+2k], r[5+2k]) / S,
/// score = sigmoid(clamp(logit, -100, 100)) (MediaPipe TensorsToDetectionsCalculator, score_clipping_thresh 100).
/// Letterbox padding is then undone so coordinates refer to the original image.
/// </remarks>
internal static class BlazeFaceDecoder
{
    private const float ScoreClip = 100f;

    public static void Decode(
        BlazeFaceHead head,
        ReadOnlySpan<float> logits,
        ReadOnlySpan<float> regressions,
        int inputSize,
        LetterboxTransform letterbox,
        float minScore,
        List<FaceDetection> into)
    {
        if (logits.Length < head.Anchors || regressions.Length < head.Anchors * BlazeFaceLayout.ValuesPerAnchor)
        {
            throw new ArgumentException($"Head '{head.ScoresName}' output is shorter than {head.Anchors} anchors.");
        }

        for (var i = 0; i < head.Anchors; i++)
        {
            var score = 1f / (1f + MathF.Exp(-Math.Clamp(logits[i], -ScoreClip, ScoreClip)));
            if (score < minScore)
            {
                continue;
            }

            var cell = i / head.AnchorsPerCell;
            var anchorX = ((cell % head.Cells) + 0.5f) / head.Cells;
            var anchorY = ((cell / head.Cells) + 0.5f) / head.Cells;
            var r = regressions.Slice(i * BlazeFaceLayout.ValuesPerAnchor, BlazeFaceLayout.ValuesPerAnchor);

            var centerX = anchorX + (r[0] / inputSize);
            var centerY = anchorY + (r[1] / inputSize);
            var halfW = r[2] / inputSize / 2;
            var halfH = r[3] / inputSize / 2;
            var (left, top) = letterbox.NormalizedToSource(centerX - halfW, centerY - halfH);
            var (right, bottom) = letterbox.NormalizedToSource(centerX + halfW, centerY + halfH);

            var keypoints = new FacePoint[BlazeFaceLayout.Keypoints];
            for (var k = 0; k < keypoints.Length; k++)
            {
                var (x, y) = letterbox.NormalizedToSource(
                    anchorX + (r[4 + (2 * k)] / inputSize), anchorY + (r[5 + (2 * k)] / inputSize));
                keypoints[k] = new FacePoint(x, y);
            }

            into.Add(new FaceDetection(FaceBox.FromCorners(left, top, right, bottom), score, keypoints));
        }
    }
}
