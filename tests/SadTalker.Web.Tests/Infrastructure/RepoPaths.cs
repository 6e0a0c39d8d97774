namespace SadTalker.Web.Tests.Infrastructure;

/// <summary>Locates the repository root (the folder with SadTalker.Web.sln) and the shared fixtures beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));

    public static string Fixture(string name)
    {
        var path = Path.Combine(Fixtures, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Fixture {name} not found under {Fixtures} (../shared must sit beside the repository).", path);
    }

    /// <summary>The web app's build output (the tests build it through the project reference).</summary>
    public static string WebAppDll => Path.Combine(AppContext.BaseDirectory, "SadTalker.Web.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SadTalker.Web.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SadTalker.Web.sln not found above {AppContext.BaseDirectory}");
    }
}
