using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Library;

/// <summary>JSON shape of a portrait for API clients (no storage hashes or paths).</summary>
public sealed record PortraitJson(Guid Id, Guid TeamId, string Name, IReadOnlyList<string> Tags, DateTime CreatedUtc, string FileName, string Format,
    int Width, int Height, int FaceCount, string FaceVerdict, string FaceMessage, float[]? FaceBox)
{
    public static PortraitJson From(Portrait p) => new(p.Id, p.TeamId, p.Name, TagList.Split(p.Tags), p.CreatedUtc, p.OriginalFileName, p.OriginalFormat,
        p.Width, p.Height, p.FaceCount, p.FaceVerdict, p.FaceMessage,
        p.FaceX is null ? null : [p.FaceX.Value, p.FaceY!.Value, p.FaceWidth!.Value, p.FaceHeight!.Value]);
}
