using SadTalker.Web.Data;

namespace SadTalker.Web.Features.Library;

/// <summary>JSON shape of an audio clip for API clients.</summary>
public sealed record AudioJson(Guid Id, Guid TeamId, string Name, IReadOnlyList<string> Tags, DateTime CreatedUtc, string FileName,
    double DurationSeconds, int SampleRate, int Channels, string Codec, string Container)
{
    public static AudioJson From(AudioClip a) => new(a.Id, a.TeamId, a.Name, TagList.Split(a.Tags), a.CreatedUtc, a.OriginalFileName,
        a.DurationSeconds, a.SampleRate, a.Channels, a.Codec, a.Container);
}
