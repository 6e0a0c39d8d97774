namespace SadTalker.Web.Features.Generation.Worker;

/// <summary>
/// A job's private temp folder under <c>{data}/jobs-tmp</c> (same file system as the blob store, so outputs move
/// into it without a copy). Deleted on dispose whatever happened; start-up removes folders a killed process left.
/// </summary>
internal sealed class JobWorkspace : IDisposable
{
    public const string FolderName = "jobs-tmp";

    private JobWorkspace(string path) => Path = path;

    public string Path { get; }

    public static JobWorkspace Create(string dataDir, Guid jobId)
    {
        var path = System.IO.Path.Combine(dataDir, FolderName, jobId.ToString("N"));
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return new JobWorkspace(path);
    }

    /// <summary>Removes every job folder; call only when no job runs (start-up).</summary>
    public static void Sweep(string dataDir)
    {
        var root = System.IO.Path.Combine(dataDir, FolderName);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
