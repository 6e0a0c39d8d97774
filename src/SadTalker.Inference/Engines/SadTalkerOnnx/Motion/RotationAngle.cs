namespace SadTalker.Inference.Engines.SadTalkerOnnx.Motion;

/// <summary>Which π converts head-pose degrees to radians (sadtalker-facts.md §7, §12).</summary>
public enum RotationAngle
{
    /// <summary>3.14, as the reference does: reproduces its output (default).</summary>
    ReferenceQuirk,

    /// <summary>Math.PI: geometrically correct; differs from the reference by up to 0.05% of each angle.</summary>
    Pi,
}
