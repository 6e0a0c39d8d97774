namespace SadTalker.Web.Features.Library;

public enum LibrarySort
{
    Newest,
    Oldest,
    NameAscending,
    NameDescending,
}

/// <summary>A page of a team's portraits or audio: optional name search and exact tag, sorted, paged.</summary>
public sealed record LibraryQuery(string? Search = null, string? Tag = null, LibrarySort Sort = LibrarySort.Newest, int Skip = 0, int Take = 24)
{
    public const int MaxTake = 100;
}

public sealed record LibraryPage<T>(IReadOnlyList<T> Items, int Total);
