using SadTalker.Inference.Tests.Support;

namespace SadTalker.Inference.Tests.Engines.SadTalkerOnnx.Golden;

/// <summary>
/// The .npy fixtures of this folder: motion_reference.py (independent numpy/scipy code written from sadtalker-facts.md)
/// and the other *_reference.py scripts beside it.
/// </summary>
internal static class MotionReference
{
    public static string File(string name) =>
        Path.Combine(RepoPaths.RepoRoot, "tests", "SadTalker.Inference.Tests", "Engines", "SadTalkerOnnx", "Golden", name + ".npy");

    public static (float[] Data, int[] Shape) Float32(string name) => NpyFile.ReadFloat32(File(name));

    public static double[] Float64(string name) => NpyFile.ReadFloat64(File(name));

    public static int[] Int32(string name) => NpyFile.ReadInt32(File(name));

    public static (byte[] Data, int[] Shape) UInt8(string name) => NpyFile.ReadUInt8(File(name));
}
