namespace SadTalker.Web.Features.Teams;

/// <summary>Outcome of a team action: <see cref="Error"/> is null when it was done, else a message for the user.</summary>
public sealed record TeamResult(string? Error)
{
    public static readonly TeamResult Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public static TeamResult Fail(string error) => new(error);
}
