using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

/// <summary>Fixtures written by motion_reference.py (independent numpy/scipy code written from sadtalker-facts.md).</summary>
internal static class MotionReference
{
    public static string File(string name) =>
        Path.Combine(RepoPaths.RepoRoot, "tests", "SadTalker.Inference.Tests", "Engines", "SadTalkerOnnx", "Golden", name + ".npy");

    public static (float[] Data, int[] Shape) Float32(string name) => NpyFile.ReadFloat32(File(name));

    public static double[] Float64(string name) => NpyFile.ReadFloat64(File(name));

    public static int[] Int32(string name) => NpyFile.ReadInt32(File(name));
}
