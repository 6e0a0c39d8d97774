using System.Text.RegularExpressions;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

/// <summary>
/// There is no Docker engine here, so the Dockerfile is checked for what can be checked without one: every path it
/// copies from the build context exists, every stage it copies from is defined, and it runs the app's assembly.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile"));

    [Fact]
    public void ContextCopies_NameExistingPaths()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, source)) || Directory.Exists(Path.Combine(RepoPaths.Root, source)),
                $"Dockerfile copies '{source}', which does not exist in the repository");
        }
    }

    [Fact]
    public void StageCopies_NameDefinedStagesOrImages()
    {
        var stages = Lines.Select(l => StageRegex().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("build", stages);
        Assert.Contains("runtime", stages);
        Assert.Contains("runtime-cuda", stages);
        Assert.Equal("runtime", stages[^1]); // the default target is the CPU image
        foreach (var from in Lines.Select(l => FromRegex().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value))
        {
            Assert.True(stages.Contains(from) || from.Contains('/'), $"COPY --from={from} names no stage");
        }
    }

    [Fact]
    public void Runs_ThePublishedApp_WithDataInAVolume()
    {
        Assert.All(Lines.Where(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)),
            l => Assert.Equal("ENTRYPOINT [\"dotnet\", \"SadTalker.Web.dll\"]", l));
        Assert.Contains(Lines, l => l.Trim() == "VOLUME /data");
        Assert.Contains(Lines, l => l.Contains("SADTALKER_Storage__DataDir=/data", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", "SadTalker.Web", "SadTalker.Web.csproj")));
        Assert.Contains(Lines, l => l.Contains("scripts/fetch-models.sh", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^FROM\s+\S+\s+AS\s+(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex StageRegex();

    [GeneratedRegex(@"^COPY\s+--from=(\S+)")]
    private static partial Regex FromRegex();
}
