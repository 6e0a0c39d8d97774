namespace SadTalker.Inference.Faces;

/// <summary>A point in source-image pixels.</summary>
public readonly record struct FacePoint(float X, float Y);
