namespace SadTalker.Web.Tests.Infrastructure;

/// <summary>A scratch folder removed on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "sadtalker-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
