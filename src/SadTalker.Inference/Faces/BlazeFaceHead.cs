namespace SadTalker.Inference.Faces;

/// <summary>One BlazeFace output head: per-anchor score logits and box/keypoint regressions on a square grid.</summary>
internal sealed record BlazeFaceHead(string ScoresName, string BoxesName, int Cells, int AnchorsPerCell)
{
    public int Anchors => Cells * Cells * AnchorsPerCell;
}
