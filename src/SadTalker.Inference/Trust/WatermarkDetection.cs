namespace SadTalker.Inference.Trust;

/// <summary>What <see cref="WatermarkDetector"/> found in a video.</summary>
/// <param name="Found">A payload was decoded, its CRC matched and the pilot score passed the threshold.</param>
/// <param name="Payload">The payload when found.</param>
/// <param name="PilotScore">
/// z-score of the pilot correlation at the best crop and time offset (about N(0, 1) per hypothesis without a mark;
/// marked videos score well above 10).
/// </param>
/// <param name="FalseAlarmProbability">
/// Estimated chance that an unmarked video gives this result: hypotheses × Q(z), times 2⁻¹⁶ when the CRC matched.
/// </param>
/// <param name="CropX">Best crop hypothesis, share of the width removed on each side.</param>
/// <param name="CropY">Best crop hypothesis, share of the height removed on each side.</param>
/// <param name="FrameOffset">Best time offset: the video's frame 0 was frame <c>FrameOffset</c> of a 72-frame period.</param>
/// <param name="FramesAnalysed">Decoded frames used.</param>
public sealed record WatermarkDetection(
    bool Found,
    WatermarkPayload? Payload,
    double PilotScore,
    double FalseAlarmProbability,
    double CropX,
    double CropY,
    int FrameOffset,
    int FramesAnalysed)
{
    /// <summary>1 − <see cref="FalseAlarmProbability"/>: how sure the detector is that the mark is there.</summary>
    public double Confidence => 1 - FalseAlarmProbability;

    /// <summary>A pilot this strong says the mark is there even when the payload could not be read.</summary>
    public bool MarkSuspected => !Found && PilotScore >= WatermarkDetector.PresenceScore;

    /// <summary>One line for people.</summary>
    public string Summary => Found
        ? $"watermark found: payload {Payload} (pilot z = {PilotScore:F1}, confidence {Confidence:P4})"
        : MarkSuspected
            ? $"a watermark seems present (pilot z = {PilotScore:F1}) but its payload could not be read"
            : $"no watermark (pilot z = {PilotScore:F1})";
}
