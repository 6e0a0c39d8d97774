using System.ComponentModel.DataAnnotations;

namespace SadTalker.Web.Hosting;

/// <summary>Where the app keeps its database, blobs and keys. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Data folder; relative paths are resolved against the content root (the repository root under the start script).</summary>
    [Required(ErrorMessage = "Storage:DataDir is required.")]
    public string DataDir { get; set; } = "data";

    /// <summary>Resolves <see cref="DataDir"/> to an absolute path.</summary>
    public string ResolveDataDir(string contentRoot) => Path.GetFullPath(DataDir, contentRoot);
}
