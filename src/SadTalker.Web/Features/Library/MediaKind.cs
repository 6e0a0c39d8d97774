namespace SadTalker.Web.Features.Library;

public enum MediaKind
{
    Portrait,
    Audio,
}
