namespace SadTalker.Inference.Engines.StudioLite;

/// <summary>The animation state of one frame.</summary>
/// <param name="MouthOpen">Jaw opening, 0 (closed) .. about 1.6 (expression scale 2 on loud speech).</param>
/// <param name="MouthWidth">Lip spread, −1 (rounded) .. 1 (wide).</param>
/// <param name="Blink">Eyelid closure, 0 (open) .. 1 (closed).</param>
/// <param name="Roll">Head roll in radians, about the neck.</param>
/// <param name="ShiftX">Head translation in output pixels.</param>
/// <param name="ShiftY">Head translation in output pixels (positive is down).</param>
internal readonly record struct FacePose(
    float MouthOpen, float MouthWidth, float Blink, float Roll, float ShiftX, float ShiftY);
