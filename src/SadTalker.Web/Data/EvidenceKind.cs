namespace SadTalker.Web.Data;

/// <summary>What an evidence file is, decided from its content (never its name or the browser's type).</summary>
public enum EvidenceKind
{
    Pdf = 0,
    Image = 1,
    Audio = 2,
    Video = 3,
}
