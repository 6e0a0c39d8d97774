namespace SadTalker.Inference.Imaging;

/// <summary>What a finished <see cref="MediaTool"/> run wrote.</summary>
/// <param name="StandardOutput">Raw bytes from stdout (decoded frames, probe text, ...).</param>
/// <param name="StandardError">Diagnostics from stderr.</param>
public sealed record MediaToolResult(byte[] StandardOutput, string StandardError);
