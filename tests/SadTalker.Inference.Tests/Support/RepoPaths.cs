namespace SadTalker.Inference.Tests.Support;

/// <summary>Finds the repository and the shared fixtures from the test binaries' directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    /// <summary>Shared test inputs live beside the repository: <c>../shared/fixtures</c>.</summary>
    public static string Fixture(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", name));
        return File.Exists(path) ? path : throw new FileNotFoundException($"Test fixture missing: {path}", path);
    }

    /// <summary>A downloaded model under <c>models/</c>; weights are not committed, scripts/setup.sh fetches them.</summary>
    public static string Model(string relativePath)
    {
        var path = Path.Combine(RepoRoot, "models", relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Model file missing: {path}. Run scripts/setup.sh to download the models.", path);
    }

    private static string FindRoot()
    {
        // The solution file marks the root; before it exists the first Directory.Build.props up the tree does.
        foreach (var marker in new[] { "SadTalker.Web.sln", "SadTalker.Web.slnx", "Directory.Build.props" })
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, marker)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"No repository root (SadTalker.Web.sln) above {AppContext.BaseDirectory}.");
    }
}
