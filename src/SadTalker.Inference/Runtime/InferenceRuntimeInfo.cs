namespace SadTalker.Inference.Runtime;

/// <summary>What the runtime is and why it runs where it runs, for health and status pages.</summary>
/// <param name="OrtVersion">Native ONNX Runtime version, e.g. <c>1.29.0</c>.</param>
/// <param name="Device">The device sessions actually use: <see cref="InferenceDevice.Cpu"/> or <see cref="InferenceDevice.Cuda"/>.</param>
/// <param name="Reason">Human-readable explanation of the device choice.</param>
public sealed record InferenceRuntimeInfo(string OrtVersion, InferenceDevice Device, string Reason);
