namespace SadTalker.Inference.Engines;

/// <summary>A small RGB24 snapshot of the frame being rendered, for a live preview in the UI.</summary>
/// <param name="Width">Pixels across.</param>
/// <param name="Height">Pixels down.</param>
/// <param name="Rgb24">Width·Height·3 bytes; owned by the receiver.</param>
public sealed record PreviewFrame(int Width, int Height, byte[] Rgb24);
