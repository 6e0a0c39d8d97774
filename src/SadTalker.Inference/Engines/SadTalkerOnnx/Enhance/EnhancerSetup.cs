using SadTalker.Inference.Engines.SadTalkerOnnx.Networks;

namespace SadTalker.Inference.Engines.SadTalkerOnnx.Enhance;

/// <summary>What the frame composer needs to run the face enhancer on every frame.</summary>
/// <param name="Network">The restorer (gfpgan_512.onnx).</param>
/// <param name="Points">Where each frame's five points come from.</param>
/// <param name="SourceLandmarks">The portrait's 68 landmarks: the fallback points until a frame's face is found.</param>
public sealed record EnhancerSetup(FaceEnhancer Network, IFacePointSource Points, float[] SourceLandmarks);
