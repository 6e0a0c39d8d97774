namespace SadTalker.Inference.Faces;

/// <summary>Post-processing thresholds for <see cref="BlazeFaceDetector"/>.</summary>
public sealed record BlazeFaceDetectorOptions
{
    /// <summary>Detections scoring below this are dropped (MediaPipe face_detection: min_score_thresh 0.5).</summary>
    public float MinScore { get; init; } = 0.5f;

    /// <summary>Detections overlapping at least this much are merged (MediaPipe: min_suppression_threshold 0.3).</summary>
    public float IouThreshold { get; init; } = 0.3f;
}
