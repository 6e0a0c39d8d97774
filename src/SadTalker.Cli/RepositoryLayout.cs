namespace SadTalker.Cli;

/// <summary>
/// Finds the repository (the folder holding SadTalker.Web.sln) above the current directory or the binaries, so the
/// CLI finds models/ and the shared fixtures (../shared/fixtures) without configuration.
/// </summary>
internal static class RepositoryLayout
{
    private const string Marker = "SadTalker.Web.sln";

    /// <summary>The repository root, or null when the CLI runs outside a checkout (then --models is needed).</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>--models if given, else models/ of the repository.</summary>
    public static string ModelsDirectory(string? option)
    {
        if (option is not null)
        {
            return Path.GetFullPath(option);
        }

        var root = FindRoot() ?? throw new UsageException($"No {Marker} above the current folder; pass --models DIR.");
        return Path.Combine(root, "models");
    }

    /// <summary>A shared test fixture: ../shared/fixtures/NAME beside the repository.</summary>
    public static string Fixture(string name)
    {
        var root = FindRoot() ?? throw new UsageException($"No {Marker} above the current folder; run from the repository.");
        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "fixtures", name));
        return File.Exists(path) ? path : throw new UsageException($"Fixture not found: {path}");
    }
}
