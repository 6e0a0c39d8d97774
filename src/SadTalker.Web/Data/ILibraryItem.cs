namespace SadTalker.Web.Data;

/// <summary>What portraits and audio clips share for renaming, tagging and deletion.</summary>
public interface ILibraryItem
{
    Guid Id { get; }

    Guid TeamId { get; }

    string Name { get; set; }

    string Tags { get; set; }

    /// <summary>Every blob the item's row references.</summary>
    IReadOnlyList<string> BlobHashes { get; }
}
