using System.Text.RegularExpressions;
using SadTalker.Web.Tests.Infrastructure;

namespace SadTalker.Web.Tests.Hosting;

/// <summary>The setup contract: the README's first two shell blocks are the start and test commands, and CI runs the latter.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void FirstTwoShellBlocks_AreStartThenTest_AndCiRunsTheTestCommand()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var blocks = ShellBlockRegex().Matches(readme).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.True(blocks.Count >= 2, "README needs two shell code blocks");
        Assert.Equal("bash scripts/start.sh", blocks[0]);
        Assert.Equal("bash scripts/test.sh", blocks[1]);
        Assert.Contains("bash scripts/test.sh", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "scripts", "start.sh")));
    }

    [GeneratedRegex("```(?:bash|sh|shell)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlockRegex();
}
